/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-facebook-document.h: the face-book laid out on pages, for PDF export and printing */
#pragma once

#include <cairo.h>

#include "raad-store.h"

G_BEGIN_DECLS

/* A4 in points, the size of an exported PDF. */
#define RAAD_FACEBOOK_PAGE_WIDTH  595.28
#define RAAD_FACEBOOK_PAGE_HEIGHT 841.89

#define RAAD_TYPE_FACEBOOK_DOCUMENT (raad_facebook_document_get_type ())
G_DECLARE_FINAL_TYPE (RaadFacebookDocument, raad_facebook_document, RAAD, FACEBOOK_DOCUMENT,
                      GObject)

/* @council_id: one council (with its linking pins), or NULL for all councils. */
RaadFacebookDocument *raad_facebook_document_new          (RaadStore            *store,
                                                           const char           *council_id);
RaadStore            *raad_facebook_document_get_store    (RaadFacebookDocument *self);
const char           *raad_facebook_document_get_council_id (RaadFacebookDocument *self);

/* The day the document is made: printed in the header, and the reference for "Term ends"
 * (within three months). NULL means now. */
void                  raad_facebook_document_set_date     (RaadFacebookDocument *self,
                                                           GDateTime            *date);
GDateTime            *raad_facebook_document_get_date     (RaadFacebookDocument *self);
/* Space kept free on every side of a page, in points (default 36). A print operation whose
 * context is already the printable area may want less. */
void                  raad_facebook_document_set_margin   (RaadFacebookDocument *self,
                                                           double                margin);
double                raad_facebook_document_get_margin   (RaadFacebookDocument *self);

/* Reads the store and lays the face-book out on pages of @width × @height points, measuring
 * text with @cr (a print context's or a PDF surface's). Returns the number of pages (≥ 1).
 * Call again when the page size or the data changed. */
int                   raad_facebook_document_paginate     (RaadFacebookDocument *self,
                                                           cairo_t              *cr,
                                                           double                width,
                                                           double                height);
int                   raad_facebook_document_get_n_pages  (RaadFacebookDocument *self);
/* Draws page @page (0-based) of the last pagination on @cr, in points from its origin. */
void                  raad_facebook_document_draw_page    (RaadFacebookDocument *self,
                                                           cairo_t              *cr,
                                                           int                   page);

/* Writes an A4 PDF to @path. The file appears whole or not at all. */
gboolean              raad_facebook_document_export_pdf   (RaadFacebookDocument *self,
                                                           const char           *path,
                                                           GError              **error);

G_END_DECLS
