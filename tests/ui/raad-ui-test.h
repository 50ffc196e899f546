/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-ui-test.h: what the UI tests share for finding their way in the real window */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A RaadWindow of @application (a RaadApplication) on @store (a RaadStore), @width ×
 * @height whatever the settings say, presented. */
gpointer   raad_ui_test_open_window     (gpointer    application,
                                         gpointer    store,
                                         int         width,
                                         int         height);
/* Destroys every toplevel and lets GTK finish with them. */
void       raad_ui_test_close_toplevels (void);
/* The widget under @root (itself included) whose GtkBuilder id is @id, or NULL. */
GtkWidget *raad_ui_test_find_by_id      (GtkWidget  *root,
                                         const char *id);
/* The visible toplevel window of @type, or NULL. */
gpointer   raad_ui_test_find_toplevel   (GType       type);
/* The first widget under @root (itself included) of @type and, unless NULL, widget name
 * @name, depth first; or NULL. */
GtkWidget *raad_ui_test_find_widget     (GtkWidget  *root,
                                         GType       type,
                                         const char *name);
/* The visible editor window a page opened (raad_form_new keeps the page as "raad-page"), or
 * NULL. */
GtkWindow *raad_ui_test_find_dialog     (gpointer    page);
/* Types @text into the entry row named @name of @dialog (which must have it). */
void       raad_ui_test_set_field       (GtkWindow  *dialog,
                                         const char *name,
                                         const char *text);
/* Clicks the Save button of @dialog (which must have it). */
void       raad_ui_test_save_dialog     (GtkWindow  *dialog);
/* For raad_test_wait_until: @widget (a GtkWidget) is mapped. */
gboolean   raad_ui_test_painted         (gpointer    widget);
/* For raad_test_wait_until: the RaadWindow @window shows its pages (not welcome or error). */
gboolean   raad_ui_test_window_is_main  (gpointer    window);
/* Saves a PNG of @window as @name in $RAADSWERK_SCREENSHOT_DIR (else the temporary folder)
 * and checks that it is @width pixels wide. */
void       raad_ui_test_take_screenshot (GtkWidget  *window,
                                         const char *name,
                                         int         width);

G_END_DECLS
