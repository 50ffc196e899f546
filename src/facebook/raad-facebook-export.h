/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-facebook-export.h: the face-book's PDF export, printing and vCard export and import */
#pragma once

#include <gtk/gtk.h>

#include "raad-store.h"

G_BEGIN_DECLS

/* Each asks for a file (or shows the print dialog) over @widget's window and reports the
 * result in a toast of the nearest AdwToastOverlay, or a dialog when something failed.
 * @council_id: one council (the council filter's) or NULL for all. */
void raad_facebook_export_pdf     (GtkWidget  *widget,
                                   RaadStore  *store,
                                   const char *council_id);
void raad_facebook_print          (GtkWidget  *widget,
                                   RaadStore  *store,
                                   const char *council_id);
void raad_facebook_export_vcards  (GtkWidget  *widget,
                                   RaadStore  *store,
                                   const char *council_id);
/* Members without a council in the cards go to @council_id unless the user picks another. */
void raad_facebook_import_vcards  (GtkWidget  *widget,
                                   RaadStore  *store,
                                   const char *council_id);

/* The print operation behind raad_facebook_print; with an @export_path and
 * GTK_PRINT_OPERATION_ACTION_EXPORT it writes a PDF without asking (tests). */
GtkPrintOperationResult raad_facebook_print_run (GtkWidget                *widget,
                                                 RaadStore                *store,
                                                 const char               *council_id,
                                                 GtkPrintOperationAction   action,
                                                 const char               *export_path,
                                                 GError                  **error);

/* Shared by the face-book's dialogs. */
void raad_facebook_show_toast     (GtkWidget  *widget,
                                   const char *title);
void raad_facebook_show_error     (GtkWidget  *widget,
                                   const char *heading,
                                   const char *body);

G_END_DECLS
