/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-ui-test.h: what the UI tests share for finding their way in the real window */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Destroys every toplevel and lets GTK finish with them. */
void       raad_ui_test_close_toplevels (void);
/* The widget under @root (itself included) whose GtkBuilder id is @id, or NULL. */
GtkWidget *raad_ui_test_find_by_id      (GtkWidget  *root,
                                         const char *id);
/* The visible toplevel window of @type, or NULL. */
gpointer   raad_ui_test_find_toplevel   (GType       type);

G_END_DECLS
