/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-speelveld-dialogs.c: the party editor with its contact log, and the contact form */
#define G_LOG_DOMAIN "raad-speelveld-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "raad-date.h"
#include "raad-form.h"
#include "raad-speelveld.h"
#include "raad-speelveld-page-private.h"

/* Both dialogs have the shape of the meetings page's: a header bar with Cancel and a suggested
 * Save, and preference groups of rows. Fields carry widget names (the UI test fills them)
 * and are kept on the window by name. The editor edits the live record of the party and
 * saves it once; the contact log below it follows the store. */

/* A choice among @values (shown by @title_func), with @value selected. */
static GtkWidget *
add_choice (GtkWindow           *window,
            AdwPreferencesGroup *group,
            const char          *name,
            const char          *title,
            const char * const  *values,
            const char *       (*title_func) (const char *),
            const char          *value)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *titles = gtk_string_list_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    {
      gtk_string_list_append (titles, title_func (values[i]));
      if (g_strcmp0 (values[i], value) == 0)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
    }
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (titles));
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  g_object_unref (titles);
  g_object_set_data (G_OBJECT (row), "raad-values", (gpointer) values);
  adw_preferences_group_add (group, row);
  raad_form_keep_field (window, row);
  return row;
}

static const char *
chosen (GtkWidget *row)
{
  const char * const *values = g_object_get_data (G_OBJECT (row), "raad-values");
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  return selected < g_strv_length ((char **) values) ? values[selected] : NULL;
}

static guint
read_number (GtkWindow  *window,
            const char *name)
{
  GtkWidget *spin = raad_form_get_field (window, name);

  return (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin));
}

static GtkWidget *
add_number (GtkWindow           *window,
            AdwPreferencesGroup *group,
            const char          *name,
            const char          *title,
            const char          *subtitle,
            guint                low,
            guint                high,
            guint                value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (low, high, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (spin, name);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), CLAMP (value, low, high));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  raad_form_keep_field (window, spin);
  return spin;
}

/* Tells what is wrong inside the dialog itself (the page's toasts are behind it). */
static void
show_problem (GtkWindow  *window,
              const char *text)
{
  AdwToastOverlay *toasts = raad_form_get_toasts (window);

  g_object_set_data_full (G_OBJECT (window), "raad-problem", g_strdup (text), g_free);
  adw_toast_overlay_add_toast (toasts, adw_toast_new (text));
}

/* The contact form */

static void
save_contact_cb (GtkWindow *window)
{
  RaadStakeholder *party = g_object_get_data (G_OBJECT (window), "raad-party");
  g_autofree char *date = raad_form_dup_field (window, "contact-date");
  g_autofree char *participants = raad_form_dup_field (window, "contact-participants");
  g_autofree char *summary = raad_form_dup_field (window, "contact-summary");
  g_autofree char *follow_up = raad_form_dup_field (window, "contact-follow-up");
  g_autoptr(GDate) parsed = raad_date_parse (date);
  g_autoptr(RaadContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  raad_form_mark_error (raad_form_get_field (window, "contact-date"), parsed == NULL);
  raad_form_mark_error (raad_form_get_field (window, "contact-summary"), summary == NULL);
  contact = raad_speelveld_log_contact (party, date,
                                        chosen (raad_form_get_field (window, "contact-kind")),
                                        participants, summary, follow_up, &error);
  if (contact == NULL)
    {
      g_debug ("Contact not logged: %s", error->message);
      show_problem (window, error->message);
      return;
    }
  _raad_speelveld_page_refresh (raad_form_get_owner (window));
  gtk_window_destroy (window);
}

GtkWindow *
_raad_speelveld_log_contact (RaadSpeelveldPage *page,
                             RaadStakeholder   *party)
{
  GtkWindow *window = NULL;
  g_autofree char *title = g_strdup_printf (_("Contact with %s"),
                                            raad_record_get_string (RAAD_RECORD (party), "name"));
  AdwPreferencesPage *prefs = raad_form_new (GTK_WIDGET (page), title, 480, 520, RAAD_FORM_TOASTS,
                                             G_CALLBACK (save_contact_cb), &window);
  AdwPreferencesGroup *group = raad_form_add_group (prefs, NULL);
  g_autofree char *today = raad_date_today ();

  g_object_set_data_full (G_OBJECT (window), "raad-party", g_object_ref (party), g_object_unref);
  raad_form_add_entry (window, group, "contact-date", _("_Date (YYYY-MM-DD)"), today);
  add_choice (window, group, "contact-kind", _("_Kind"), raad_speelveld_contact_kinds (),
              raad_speelveld_contact_kind_title, "meeting");
  raad_form_add_entry (window, group, "contact-participants", _("_Who took part"), NULL);
  raad_form_add_entry (window, group, "contact-summary", _("_Summary"), NULL);
  raad_form_add_entry (window, group, "contact-follow-up", _("_Follow-up"), NULL);
  gtk_window_present (window);
  gtk_widget_grab_focus (raad_form_get_field (window, "contact-summary"));
  return window;
}

/* The party editor */

static void
fill_log (GtkWindow *window)
{
  RaadSpeelveldPage *page = raad_form_get_owner (window);
  RaadStakeholder *party = g_object_get_data (G_OBJECT (window), "raad-party");
  GtkListBox *list = GTK_LIST_BOX (raad_form_get_field (window, "contact-log"));
  g_autoptr(GPtrArray) contacts = NULL;
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
  if (!raad_record_is_saved (RAAD_RECORD (party)))
    return;
  contacts = raad_speelveld_list_contacts (raad_speelveld_page_get_store (page),
                                           raad_record_get_id (RAAD_RECORD (party)));
  for (guint i = 0; i < contacts->len; i++)
    {
      RaadRecord *contact = contacts->pdata[i];
      GtkWidget *entry = adw_action_row_new ();
      const char *summary = raad_record_get_string (contact, "summary");
      const char *participants = raad_record_get_string (contact, "participants");
      const char *follow_up = raad_record_get_string (contact, "follow-up");
      g_autofree char *title = g_strdup_printf ("%s · %s — %s",
                                                raad_record_get_string (contact, "date"),
                                                raad_speelveld_contact_kind_title (raad_record_get_string (contact, "kind")),
                                                summary != NULL ? summary : "");
      g_autoptr(GString) subtitle = g_string_new (NULL);

      if (participants != NULL)
        g_string_append_printf (subtitle, "%s: %s", _("Who took part"), participants);
      if (follow_up != NULL)
        g_string_append_printf (subtitle, "%s%s: %s", subtitle->len > 0 ? "\n" : "",
                                _("Follow-up"), follow_up);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (entry), subtitle->str);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (entry), 3);
      gtk_list_box_append (list, entry);
    }
}

static void
log_changed_cb (GtkWindow *window,
                GStrv      types,
                GStrv      ids)
{
  for (guint i = 0; types != NULL && types[i] != NULL; i++)
    if (g_str_equal (types[i], "contact"))
      {
        fill_log (window);
        return;
      }
}

static void
stop_following_cb (GtkWindow *window)
{
  RaadStore *store = g_object_get_data (G_OBJECT (window), "raad-store");

  if (store != NULL)
    g_signal_handlers_disconnect_by_data (store, window);
}

static void
log_clicked_cb (GtkWindow *window)
{
  _raad_speelveld_log_contact (raad_form_get_owner (window),
                               g_object_get_data (G_OBJECT (window), "raad-party"));
}

static void
delete_clicked_cb (GtkWindow *window)
{
  RaadSpeelveldPage *page = g_object_ref (raad_form_get_owner (window));
  g_autoptr(RaadStakeholder) party = g_object_ref (g_object_get_data (G_OBJECT (window), "raad-party"));

  gtk_window_destroy (window);
  _raad_speelveld_page_delete_party (page, party);
  g_object_unref (page);
}

static void
save_party_cb (GtkWindow *window)
{
  RaadStakeholder *party = g_object_get_data (G_OBJECT (window), "raad-party");
  g_autofree char *name = raad_form_dup_field (window, "name");
  g_autofree char *next = raad_form_dup_field (window, "next-contact");
  g_autofree char *person = raad_form_dup_field (window, "contact-person");
  g_autofree char *interests = raad_form_dup_field (window, "interests");
  g_autofree char *notes = raad_form_dup_field (window, "notes");
  g_autoptr(GDate) parsed = raad_date_parse (next);
  g_autoptr(GError) error = NULL;

  raad_form_mark_error (raad_form_get_field (window, "name"), name == NULL);
  raad_form_mark_error (raad_form_get_field (window, "next-contact"),
                        next != NULL && parsed == NULL);
  if (name == NULL)
    {
      show_problem (window, _("Give the party a name"));
      return;
    }
  if (next != NULL && parsed == NULL)
    {
      show_problem (window, _("Write the next talk as YYYY-MM-DD, or leave it empty"));
      return;
    }

  g_object_set (party,
                "name", name,
                "category", chosen (raad_form_get_field (window, "category")),
                "contact-person", person,
                "interests", interests,
                "influence", read_number (window, "influence"),
                "interest", read_number (window, "interest"),
                "relation", chosen (raad_form_get_field (window, "relation")),
                "formal-right", chosen (raad_form_get_field (window, "formal-right")),
                "rhythm-months", read_number (window, "rhythm-months"),
                "next-contact", next,
                "notes", notes,
                NULL);
  if (!raad_record_save (RAAD_RECORD (party), &error))
    {
      g_warning ("Could not save the party: %s", error->message);
      show_problem (window, _("Could not save the party"));
      return;
    }
  _raad_speelveld_page_refresh (raad_form_get_owner (window));
  gtk_window_destroy (window);
}

GtkWindow *
_raad_speelveld_edit_party (RaadSpeelveldPage *page,
                            RaadStakeholder   *party)
{
  RaadStore *store = raad_speelveld_page_get_store (page);
  g_autoptr(RaadStakeholder) edited = NULL;
  GtkWindow *window = NULL;
  AdwPreferencesPage *prefs;
  AdwPreferencesGroup *group;
  gboolean is_new = party == NULL;
  guint influence = 3, interest = 3, rhythm = 3;
  GtkWidget *list, *button;

  if (store == NULL || raad_speelveld_page_get_council_id (page) == NULL)
    return NULL;
  if (is_new)
    {
      edited = raad_stakeholder_new (store);
      g_object_set (edited,
                    "council-id", raad_speelveld_page_get_council_id (page),
                    "category", "own",
                    "relation", "neutral",
                    "formal-right", "none",
                    NULL);
    }
  else
    {
      edited = g_object_ref (party);
      g_object_get (edited, "influence", &influence, "interest", &interest,
                    "rhythm-months", &rhythm, NULL);
    }

  prefs = raad_form_new (GTK_WIDGET (page),
                         is_new ? _("New Party")
                                : raad_record_get_string (RAAD_RECORD (edited), "name"),
                         520, 680, RAAD_FORM_TOASTS, G_CALLBACK (save_party_cb), &window);
  g_object_set_data_full (G_OBJECT (window), "raad-party", g_object_ref (edited), g_object_unref);

  group = raad_form_add_group (prefs, NULL);
  raad_form_add_entry (window, group, "name", _("_Name"),
                       raad_record_get_string (RAAD_RECORD (edited), "name"));
  add_choice (window, group, "category", _("_Category"), raad_speelveld_categories (),
              raad_speelveld_category_title, raad_record_get_string (RAAD_RECORD (edited), "category"));
  raad_form_add_entry (window, group, "contact-person", _("Contact _person"),
             raad_record_get_string (RAAD_RECORD (edited), "contact-person"));
  raad_form_add_entry (window, group, "interests", _("_What it finds important"),
             raad_record_get_string (RAAD_RECORD (edited), "interests"));

  group = raad_form_add_group (prefs, _("Position"));
  add_number (window, group, "influence", _("Influence"), _("1 little … 5 much"), 1, 5, influence);
  add_number (window, group, "interest", _("Interest"), _("1 little … 5 much"), 1, 5, interest);
  add_choice (window, group, "relation", _("_Relation"), raad_speelveld_relations (),
              raad_speelveld_relation_title, raad_record_get_string (RAAD_RECORD (edited), "relation"));
  add_choice (window, group, "formal-right", _("_Formal right"), raad_speelveld_rights (),
              raad_speelveld_right_title, raad_record_get_string (RAAD_RECORD (edited), "formal-right"));

  group = raad_form_add_group (prefs, _("Contact"));
  add_number (window, group, "rhythm-months", _("Contact rhythm"),
              _("Speak to the party every so many months; 0 for no rhythm"), 0, 24, rhythm);
  raad_form_add_entry (window, group, "next-contact", _("Next _talk planned (YYYY-MM-DD)"),
             raad_record_get_string (RAAD_RECORD (edited), "next-contact"));
  raad_form_add_entry (window, group, "notes", _("N_otes"),
                       raad_record_get_string (RAAD_RECORD (edited), "notes"));

  if (!is_new)
    {
      group = raad_form_add_group (prefs, _("Contact Log"));
      button = gtk_button_new_with_mnemonic (_("_Log Contact…"));
      gtk_widget_set_name (button, "log-contact");
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (log_clicked_cb), window);
      adw_preferences_group_set_header_suffix (group, button);
      list = gtk_list_box_new ();
      gtk_widget_set_name (list, "contact-log");
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_list_box_set_placeholder (GTK_LIST_BOX (list), gtk_label_new (_("No contacts logged yet")));
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Contact log, newest first"), -1);
      adw_preferences_group_add (group, list);
      raad_form_keep_field (window, list);
      fill_log (window);
      /* Until the window goes: a destroyed window is not finalized at once. */
      g_object_set_data_full (G_OBJECT (window), "raad-store", g_object_ref (store), g_object_unref);
      g_signal_connect_swapped (store, "changed", G_CALLBACK (log_changed_cb), window);
      g_signal_connect (window, "destroy", G_CALLBACK (stop_following_cb), NULL);

      group = raad_form_add_group (prefs, NULL);
      button = gtk_button_new_with_mnemonic (_("_Delete Party"));
      gtk_widget_set_name (button, "delete-party");
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_widget_add_css_class (button, "pill");
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (delete_clicked_cb), window);
      adw_preferences_group_add (group, button);
    }

  gtk_window_present (window);
  return window;
}
