/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-signals-report.h: a council's signals of a period as a PDF for the annual report, without personal data */
#pragma once

#include <cairo.h>

#include "raad-store.h"

G_BEGIN_DECLS

/* A4 in points. */
#define RAAD_SIGNALS_REPORT_PAGE_WIDTH  595.28
#define RAAD_SIGNALS_REPORT_PAGE_HEIGHT 841.89

#define RAAD_TYPE_SIGNALS_REPORT (raad_signals_report_get_type ())
G_DECLARE_FINAL_TYPE (RaadSignalsReport, raad_signals_report, RAAD, SIGNALS_REPORT, GObject)

/* The JSON fields of a signal the report would print, in its order. */
const char * const *raad_signals_report_candidate_fields (void);
/* Those of the candidates that raad_record_type_field_is_personal (@record_type, field) does
 * not call personal: what the report prints. A field newly marked personal drops out. */
GStrv               raad_signals_report_printable_fields (GType record_type);

/* The signals of @council_id received in [@from, @to] (YYYY-MM-DD, inclusive). */
RaadSignalsReport  *raad_signals_report_new           (RaadStore          *store,
                                                       const char         *council_id,
                                                       const char         *from,
                                                       const char         *to);
/* The record class whose personal fields are left out (default RAAD_TYPE_SIGNAL). */
void                raad_signals_report_set_record_type (RaadSignalsReport *self,
                                                       GType               record_type);
/* The day feedback is measured against ("overdue"): default today. */
void                raad_signals_report_set_today     (RaadSignalsReport  *self,
                                                       const char         *today);

/* Reads the store and lays the report out on pages of @width × @height points, measuring
 * with @cr; returns the number of pages (≥ 1). */
int                 raad_signals_report_paginate      (RaadSignalsReport  *self,
                                                       cairo_t            *cr,
                                                       double              width,
                                                       double              height);
int                 raad_signals_report_get_n_pages   (RaadSignalsReport  *self);
/* The number of signals of the last pagination. */
guint               raad_signals_report_get_n_signals (RaadSignalsReport  *self);
void                raad_signals_report_draw_page     (RaadSignalsReport  *self,
                                                       cairo_t            *cr,
                                                       int                 page);
/* Writes an A4 PDF to @path, whole or not at all. */
gboolean            raad_signals_report_export_pdf    (RaadSignalsReport  *self,
                                                       const char         *path,
                                                       GError            **error);

G_END_DECLS
