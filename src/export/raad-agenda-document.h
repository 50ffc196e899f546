/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda-document.h: a meeting's agenda or minutes laid out on pages, for PDF and print */
#pragma once

#include <cairo.h>

#include "raad-store.h"

G_BEGIN_DECLS

/* A4 in points, the size of an exported PDF. */
#define RAAD_AGENDA_PAGE_WIDTH  595.28
#define RAAD_AGENDA_PAGE_HEIGHT 841.89

typedef enum
{
  RAAD_AGENDA_DOCUMENT_AGENDA,    /* numbered items, times, purpose, presenter, carried action
                                   * points, what other councils shared, the overrun warning */
  RAAD_AGENDA_DOCUMENT_MINUTES,   /* per item the minutes and the decision, and the action
                                   * points made at the meeting */
} RaadAgendaDocumentKind;

#define RAAD_TYPE_AGENDA_DOCUMENT_KIND (raad_agenda_document_kind_get_type ())
GType raad_agenda_document_kind_get_type (void) G_GNUC_CONST;

#define RAAD_TYPE_AGENDA_DOCUMENT (raad_agenda_document_get_type ())
G_DECLARE_FINAL_TYPE (RaadAgendaDocument, raad_agenda_document, RAAD, AGENDA_DOCUMENT, GObject)

RaadAgendaDocument *raad_agenda_document_new             (RaadStore              *store,
                                                          const char             *meeting_id,
                                                          RaadAgendaDocumentKind  kind);
RaadStore          *raad_agenda_document_get_store       (RaadAgendaDocument     *self);
const char         *raad_agenda_document_get_meeting_id  (RaadAgendaDocument     *self);
RaadAgendaDocumentKind raad_agenda_document_get_kind     (RaadAgendaDocument     *self);
/* Large print for members with low vision: body text of 18 pt (never under 16), one thing
 * per line, black on white. */
void                raad_agenda_document_set_large_print (RaadAgendaDocument     *self,
                                                          gboolean                large_print);
gboolean            raad_agenda_document_get_large_print (RaadAgendaDocument     *self);
/* Space kept free on every side of a page, in points (default 42). */
void                raad_agenda_document_set_margin      (RaadAgendaDocument     *self,
                                                          double                  margin);
double              raad_agenda_document_get_margin      (RaadAgendaDocument     *self);
/* The size of body text in points for the current print setting. */
double              raad_agenda_document_get_body_size   (RaadAgendaDocument     *self);

/* Reads the store and lays the document out on pages of @width × @height points, measuring
 * with @cr. Returns the number of pages (≥ 1; 1 with a notice when the meeting is gone). */
int                 raad_agenda_document_paginate        (RaadAgendaDocument     *self,
                                                          cairo_t                *cr,
                                                          double                  width,
                                                          double                  height);
int                 raad_agenda_document_get_n_pages     (RaadAgendaDocument     *self);
/* Draws page @page (0-based) of the last pagination on @cr. */
void                raad_agenda_document_draw_page       (RaadAgendaDocument     *self,
                                                          cairo_t                *cr,
                                                          int                     page);
/* Writes an A4 PDF to @path. The file appears whole or not at all. */
gboolean            raad_agenda_document_export_pdf      (RaadAgendaDocument     *self,
                                                          const char             *path,
                                                          GError                **error);

G_END_DECLS
