/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-form.c: the editor windows of the pages: Cancel and Save in the header, rows below */
#define G_LOG_DOMAIN "raad-form"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-form.h"

/* A form is a plain AdwWindow, not a type of its own: the pages build its rows in code and
 * keep each field on the window under its widget name, which is also how the UI tests find
 * and fill them. What a form edits is kept on the window as object data by its page. */

static gboolean
close_window (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  gtk_window_destroy (GTK_WINDOW (widget));
  return TRUE;
}

AdwPreferencesPage *
raad_form_new (GtkWidget      *owner,
               const char     *title,
               int             width,
               int             height,
               RaadFormFlags   flags,
               GCallback       save_cb,
               GtkWindow     **out_window)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *cancel;
  GtkWidget *save;
  GtkWidget *page;
  GtkRoot *root;
  GtkEventController *keys;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (save_cb != NULL, NULL);
  g_return_val_if_fail (out_window != NULL, NULL);

  window = adw_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  save = gtk_button_new_with_mnemonic (_("_Save"));
  page = adw_preferences_page_new ();
  root = gtk_widget_get_root (owner);
  keys = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  g_object_set_data_full (G_OBJECT (window), "raad-page", g_object_ref (owner), g_object_unref);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_set_name (save, "save");
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Save"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cancel"), -1);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect_swapped (save, "clicked", save_cb, window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_window_set_default_widget (GTK_WINDOW (window), save);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                      gtk_callback_action_new (close_window, NULL, NULL)));
  gtk_widget_add_controller (window, keys);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  if (flags & RAAD_FORM_TOASTS)
    {
      GtkWidget *toasts = adw_toast_overlay_new ();

      adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (toasts), page);
      g_object_set_data (G_OBJECT (window), "raad-toasts", toasts);
      gtk_box_append (GTK_BOX (box), toasts);
    }
  else
    gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  *out_window = GTK_WINDOW (window);
  return ADW_PREFERENCES_PAGE (page);
}

gpointer
raad_form_get_owner (GtkWindow *window)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  return g_object_get_data (G_OBJECT (window), "raad-page");
}

AdwToastOverlay *
raad_form_get_toasts (GtkWindow *window)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  return g_object_get_data (G_OBJECT (window), "raad-toasts");
}

AdwPreferencesGroup *
raad_form_add_group (AdwPreferencesPage *page,
                     const char         *title)
{
  GtkWidget *group;

  g_return_val_if_fail (ADW_IS_PREFERENCES_PAGE (page), NULL);

  group = adw_preferences_group_new ();
  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

GtkWidget *
raad_form_add_entry (GtkWindow           *window,
                     AdwPreferencesGroup *group,
                     const char          *name,
                     const char          *title,
                     const char          *text)
{
  GtkWidget *row;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  row = adw_entry_row_new ();
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_preferences_group_add (group, row);
  raad_form_keep_field (window, row);
  return row;
}

void
raad_form_keep_field (GtkWindow *window,
                      GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (window), gtk_widget_get_name (widget), widget);
}

GtkWidget *
raad_form_get_field (GtkWindow  *window,
                     const char *name)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_get_data (G_OBJECT (window), name);
}

void
raad_form_mark_error (GtkWidget *widget,
                      gboolean   wrong)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (wrong)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

char *
raad_form_dup_text (GtkWidget *editable)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable)));
  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

char *
raad_form_dup_field (GtkWindow  *window,
                     const char *name)
{
  return raad_form_dup_text (raad_form_get_field (window, name));
}
