/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-signals-page-private.h: what the UI tests reach inside the constituency page */
#pragma once

#include <adwaita.h>

#include "raad-record-list.h"
#include "raad-signal.h"
#include "raad-signals-page.h"

G_BEGIN_DECLS

/* The list view of signals; its model (the filtered signals in the list's order); the row in
 * view that shows the signal @id (NULL when none is made: its lines are GtkLabels named
 * "title", "overdue", "details", "text"), and the signal id a row shows. */
GtkListView    *_raad_signals_page_get_list    (RaadSignalsPage *self);
RaadRecordList *_raad_signals_page_get_signals (RaadSignalsPage *self);
GtkWidget      *_raad_signals_page_get_row     (RaadSignalsPage *self,
                                                const char      *id);
const char     *_raad_signals_page_row_get_id  (GtkWidget       *row);
/* The signal open in the form (NULL while logging a new one). */
RaadSignal *_raad_signals_page_get_signal     (RaadSignalsPage *self);
AdwToast   *_raad_signals_page_get_last_toast (RaadSignalsPage *self);
/* The "no meeting planned" dialog last shown, or NULL. */
GtkWindow  *_raad_signals_page_get_last_dialog (RaadSignalsPage *self);
/* Pins the page's "today" (YYYY-MM-DD; NULL: the real today). */
void        _raad_signals_page_set_today      (RaadSignalsPage *self,
                                               const char      *today);
/* The location and theme filter drop-downs. */
GtkDropDown *_raad_signals_page_get_filter    (RaadSignalsPage *self,
                                               const char      *field);

G_END_DECLS
