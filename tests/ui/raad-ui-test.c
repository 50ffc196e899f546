/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-ui-test.c: what the UI tests share for finding their way in the real window */
#include "config.h"

#include "raad-ui-test.h"

void
raad_ui_test_close_toplevels (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

GtkWidget *
raad_ui_test_find_by_id (GtkWidget  *root,
                         const char *id)
{
  if (GTK_IS_BUILDABLE (root)
      && g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = raad_ui_test_find_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gpointer
raad_ui_test_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}
