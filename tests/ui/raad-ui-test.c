/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-ui-test.c: what the UI tests share for finding their way in the real window */
#include "config.h"

#include <glib/gstdio.h>

#include "raad-screenshot.h"
#include "raad-test-util.h"
#include "raad-ui-test.h"
#include "raad-window-private.h"

gpointer
raad_ui_test_open_window (gpointer application,
                          gpointer store,
                          int      width,
                          int      height)
{
  RaadWindow *window = raad_window_new (application, store);

  raad_window_set_fixed_size (window, width, height);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

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

GtkWidget *
raad_ui_test_find_widget (GtkWidget  *root,
                          GType       type,
                          const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = raad_ui_test_find_widget (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
raad_ui_test_painted (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

gboolean
raad_ui_test_window_is_main (gpointer window)
{
  return g_strcmp0 (_raad_window_get_mode (window), "main") == 0;
}

typedef struct
{
  gboolean  done;
  GError   *error;
} ShotWait;

static void
shot_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ShotWait *wait = user_data;

  raad_screenshot_save_finish (result, &wait->error);
  wait->done = TRUE;
}

void
raad_ui_test_take_screenshot (GtkWidget  *window,
                              const char *name,
                              int         width)
{
  const char *dir = g_getenv ("RAADSWERK_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  ShotWait wait = { FALSE, NULL };

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  g_unlink (path);

  raad_screenshot_save_async (window, path, NULL, shot_done_cb, &wait);
  g_assert_true (raad_test_wait_for (&wait.done, raad_test_timeout_ms (30000)));
  g_assert_no_error (wait.error);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_test_message ("%s: %d × %d", path, gdk_texture_get_width (texture),
                  gdk_texture_get_height (texture));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
}

GtkWindow *
raad_ui_test_find_dialog (gpointer page)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_object_get_data (l->data, "raad-page") == page && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

void
raad_ui_test_set_field (GtkWindow  *dialog,
                        const char *name,
                        const char *text)
{
  GtkWidget *row = raad_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

void
raad_ui_test_save_dialog (GtkWindow *dialog)
{
  GtkWidget *save = raad_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "save");

  g_assert_nonnull (save);
  g_signal_emit_by_name (save, "clicked");
}
