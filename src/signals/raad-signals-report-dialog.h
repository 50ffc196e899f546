/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-signals-report-dialog.h: asks a period and a file, and writes the signals report PDF */
#pragma once

#include <gtk/gtk.h>

#include "raad-store.h"

G_BEGIN_DECLS

/* Asks which period (a year or a quarter; last calendar year by default) and where to save,
 * writes the PDF of @council_id's signals in that period without personal data, and says
 * how it went in a toast (an AdwToastOverlay above @parent) or a dialog. */
void raad_signals_report_export_dialog (GtkWidget  *parent,
                                        RaadStore  *store,
                                        const char *council_id);

G_END_DECLS
