/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-speelveld-export.h: the playing field saved as PNG, SVG or PDF, and printed */
#pragma once

#include <gtk/gtk.h>

#include "raad-store.h"

G_BEGIN_DECLS

/* Asks for a file over @parent's window (@format "png", "svg" or "pdf") and writes the
 * playing field of @council_id there, or shows the print dialog (@format "print"). @grid: the
 * power/interest grid instead of the map. The result shows as a toast in the nearest
 * AdwToastOverlay, a failure as a dialog. */
void                    raad_speelveld_export_run         (GtkWidget                *parent,
                                                           RaadStore                *store,
                                                           const char               *council_id,
                                                           const char               *format,
                                                           gboolean                  grid);

/* Writes the playing field to @path in @format ("png", "svg" or "pdf") without asking. */
gboolean                raad_speelveld_export_write       (RaadStore                *store,
                                                           const char               *council_id,
                                                           const char               *format,
                                                           gboolean                  grid,
                                                           const char               *path,
                                                           GError                  **error);

/* The file name offered in the save dialog, e.g. "Speelveld Centrale Cliëntenraad
 * 2026-11-23.png" in Dutch; @today YYYY-MM-DD or NULL for today. */
char                   *raad_speelveld_export_suggest_name (RaadStore               *store,
                                                           const char               *council_id,
                                                           const char               *format,
                                                           gboolean                  grid,
                                                           const char               *today);

/* The print operation behind "print": one landscape page, the field fitted to it. With an
 * @export_path and GTK_PRINT_OPERATION_ACTION_EXPORT it writes a PDF without asking (tests). */
GtkPrintOperationResult raad_speelveld_print_run          (GtkWidget                *parent,
                                                           RaadStore                *store,
                                                           const char               *council_id,
                                                           gboolean                  grid,
                                                           GtkPrintOperationAction   action,
                                                           const char               *export_path,
                                                           GError                  **error);

G_END_DECLS
