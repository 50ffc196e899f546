/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-speelveld-document.h: a council's playing field drawn on cairo, for PNG, SVG, PDF, print */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "raad-store.h"

G_BEGIN_DECLS

/* A4 landscape in points, the size of an exported PDF. */
#define RAAD_SPEELVELD_PAGE_WIDTH  841.89
#define RAAD_SPEELVELD_PAGE_HEIGHT 595.28

/* The size of a PNG export at scale 1, in pixels. */
#define RAAD_SPEELVELD_PNG_WIDTH   1600
#define RAAD_SPEELVELD_PNG_HEIGHT  1200

/* Draws the line from a party at (@x1, @y1) to the council at (@x2, @y2) in user units of @cr.
 * Its style shows @relation: "good" solid green, "neutral" dashed grey, "strained" dotted
 * orange-red and thicker, anything else (NULL, unknown) thin grey. @right_title (the formal
 * right's title, may be NULL or empty for none) is written at the middle of the line on a
 * light pill so that it stays readable over the line. Used by the map widget and the
 * document, so that the screen and paper look the same. @cr's state is kept. */
void raad_speelveld_draw_link (cairo_t    *cr,
                               double      x1,
                               double      y1,
                               double      x2,
                               double      y2,
                               const char *relation,
                               const char *right_title);

/* What a screen drawing many links keeps between them: each right's label laid out once. With
 * it, dashes and dots are filled as shapes in one path rather than stroked with a dash
 * pattern, which looks the same on a screen at a fraction of the work; vector output (PDF,
 * SVG) keeps the real dash pattern and does not use it. */
typedef struct _RaadSpeelveldLinkCache RaadSpeelveldLinkCache;

RaadSpeelveldLinkCache *raad_speelveld_link_cache_new  (void);
void                    raad_speelveld_link_cache_free (RaadSpeelveldLinkCache *cache);
/* raad_speelveld_draw_link() with @cache (NULL: as raad_speelveld_draw_link()). */
void                    raad_speelveld_draw_link_cached (cairo_t                *cr,
                                                         RaadSpeelveldLinkCache *cache,
                                                         double                  x1,
                                                         double                  y1,
                                                         double                  x2,
                                                         double                  y2,
                                                         const char             *relation,
                                                         const char             *right_title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RaadSpeelveldLinkCache, raad_speelveld_link_cache_free)

#define RAAD_TYPE_SPEELVELD_DOCUMENT (raad_speelveld_document_get_type ())
G_DECLARE_FINAL_TYPE (RaadSpeelveldDocument, raad_speelveld_document, RAAD, SPEELVELD_DOCUMENT,
                      GObject)

/* The playing field of @council_id; @grid: the power/interest grid instead of the map. */
RaadSpeelveldDocument *raad_speelveld_document_new        (RaadStore             *store,
                                                           const char            *council_id,
                                                           gboolean               grid);
RaadStore             *raad_speelveld_document_get_store  (RaadSpeelveldDocument *self);
const char            *raad_speelveld_document_get_council_id (RaadSpeelveldDocument *self);
gboolean               raad_speelveld_document_get_grid   (RaadSpeelveldDocument *self);
/* The day the document is made (YYYY-MM-DD): printed in the title line and the reference for
 * the overdue marks. NULL means today. */
void                   raad_speelveld_document_set_today  (RaadSpeelveldDocument *self,
                                                           const char            *today);
const char            *raad_speelveld_document_get_today  (RaadSpeelveldDocument *self);

/* Reads the store again (the next draw does it by itself the first time). */
void                   raad_speelveld_document_reload     (RaadSpeelveldDocument *self);
/* Draws the whole playing field (title line, field, legend) into the rectangle 0,0 –
 * @width × @height of @cr's user space. Every export and print goes through this. */
void                   raad_speelveld_document_draw       (RaadSpeelveldDocument *self,
                                                           cairo_t               *cr,
                                                           double                 width,
                                                           double                 height);

/* PDF and print: page 0 is the field, the next pages list the parties (relation, right, last
 * contact, due). Returns the number of pages for pages of @width × @height. */
int                    raad_speelveld_document_paginate   (RaadSpeelveldDocument *self,
                                                           cairo_t               *cr,
                                                           double                 width,
                                                           double                 height);
void                   raad_speelveld_document_draw_page  (RaadSpeelveldDocument *self,
                                                           cairo_t               *cr,
                                                           int                    page);

/* Writes the field to @path; the file appears whole or not at all, errors name the file.
 * PNG: @scale × RAAD_SPEELVELD_PNG_WIDTH × _HEIGHT pixels. SVG: A4 landscape in points.
 * PDF: A4 landscape, the field and the list of parties. */
gboolean               raad_speelveld_document_export_png (RaadSpeelveldDocument *self,
                                                           const char            *path,
                                                           double                 scale,
                                                           GError               **error);
gboolean               raad_speelveld_document_export_svg (RaadSpeelveldDocument *self,
                                                           const char            *path,
                                                           GError               **error);
gboolean               raad_speelveld_document_export_pdf (RaadSpeelveldDocument *self,
                                                           const char            *path,
                                                           GError               **error);

G_END_DECLS
