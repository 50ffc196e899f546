/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda-dialogs.c: new meeting, new request and the agenda item editor */
#define G_LOG_DOMAIN "raad-agenda"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "raad-agenda.h"
#include "raad-agenda-dialogs.h"
#include "raad-agenda-outline.h"
#include "raad-agenda-page-private.h"
#include "raad-action-point.h"
#include "raad-date.h"
#include "raad-form.h"
#include "raad-member.h"
#include "raad-query.h"
#include "raad-record-list.h"
#include "raad-schedule.h"
#include "raad-signals.h"

/* The three dialogs share one shape (raad-form.h): a header bar with Cancel and a suggested
 * Save, and preference groups of rows. Fields carry widget names so the UI test can fill them. */

static const char * const purposes[] = {
  "information", "discussion", "decision", "advice-request", "consent-request",
  "unsolicited-advice", NULL
};

static gboolean
is_date (const char *text)
{
  int y, m, d;
  char rest;

  return text != NULL && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3
         && strlen (text) == 10 && g_date_valid_dmy (d, m, y);
}

static GtkWidget *
add_combo (AdwPreferencesGroup *group,
           const char          *name,
           const char          *title,
           GtkStringList       *choices)
{
  GtkWidget *row = adw_combo_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  g_object_unref (choices);
  adw_preferences_group_add (group, row);
  return row;
}

static void
show_error_toast (RaadAgendaPage *page,
                  const char     *what,
                  GError         *error)
{
  g_autoptr(AdwToast) toast = adw_toast_new (what);

  g_warning ("%s: %s", what, error != NULL ? error->message : "");
  _raad_agenda_page_show_toast (page, toast);
}

/* Meetings: new, or an existing one to edit */

static char **
split_guests (const char *text)
{
  g_auto(GStrv) parts = text != NULL ? g_strsplit (text, ",", -1) : NULL;
  GPtrArray *guests = g_ptr_array_new ();

  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_ptr_array_add (guests, g_strdup (parts[i]));
    }
  g_ptr_array_add (guests, NULL);
  return (char **) g_ptr_array_free (guests, FALSE);
}

static void
save_meeting_cb (GtkWindow *window)
{
  RaadAgendaPage *page = raad_form_get_owner (window);
  RaadStore *store = raad_agenda_page_get_store (page);
  RaadRecord *existing = g_object_get_data (G_OBJECT (window), "raad-meeting");
  g_autofree char *date = raad_form_dup_field (window, "date");
  g_autofree char *start = raad_form_dup_field (window, "start");
  g_autofree char *end = raad_form_dup_field (window, "end");
  g_autofree char *place = raad_form_dup_field (window, "place");
  g_autofree char *link = raad_form_dup_field (window, "online-link");
  g_autofree char *guests_text = raad_form_dup_field (window, "guests");
  g_auto(GStrv) guests = split_guests (guests_text);
  g_autoptr(RaadMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  guint minutes;
  gboolean date_ok = is_date (date);
  gboolean start_ok = start != NULL && raad_schedule_parse_time (start, &minutes);
  gboolean end_ok = end == NULL || raad_schedule_parse_time (end, &minutes);

  raad_form_mark_error (raad_form_get_field (window, "date"), !date_ok);
  raad_form_mark_error (raad_form_get_field (window, "start"), !start_ok);
  raad_form_mark_error (raad_form_get_field (window, "end"), !end_ok);
  if (!date_ok || !start_ok || !end_ok)
    return;

  if (existing != NULL)
    {
      g_object_set (existing, "date", date, "start-time", start, "end-time", end,
                    "place", place, "online-link", link,
                    "guests", guests[0] != NULL ? guests : NULL, NULL);
      if (!raad_record_save (existing, &error))
        {
          show_error_toast (page, _("Could not save the meeting"), error);
          return;
        }
      raad_agenda_page_open_meeting (page, raad_record_get_id (existing));
      _raad_agenda_page_refresh (page);
      gtk_window_destroy (window);
      return;
    }

  meeting = raad_agenda_create_meeting (store, raad_agenda_page_get_council_id (page), date,
                                        start, end,
                                        adw_combo_row_get_selected (ADW_COMBO_ROW (
                                          raad_form_get_field (window, "start-from"))) == 1
                                        ? RAAD_AGENDA_COPY_LAST : RAAD_AGENDA_FROM_TEMPLATE,
                                        &error);
  if (meeting == NULL)
    {
      show_error_toast (page, _("Could not create the meeting"), error);
      return;
    }
  if (place != NULL || link != NULL || guests[0] != NULL)
    {
      g_object_set (meeting, "place", place, "online-link", link,
                    "guests", guests[0] != NULL ? guests : NULL, NULL);
      if (!raad_record_save (RAAD_RECORD (meeting), &error))
        show_error_toast (page, _("Could not save the meeting"), error);
    }
  raad_agenda_page_open_meeting (page, raad_record_get_id (RAAD_RECORD (meeting)));
  gtk_window_destroy (window);
}

static void
delete_meeting_cb (GtkWindow *window)
{
  RaadAgendaPage *page = raad_form_get_owner (window);
  g_autoptr(RaadRecord) meeting = g_object_ref (g_object_get_data (G_OBJECT (window), "raad-meeting"));

  gtk_window_destroy (window);
  _raad_agenda_page_delete_meeting (page, RAAD_MEETING (meeting));
}

static GtkWidget *
new_danger_button (const char *mnemonic,
                   const char *name,
                   const char *accessible)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_name (button, name);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_add_css_class (button, "pill");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return button;
}

/* With @meeting NULL: a new meeting, with the choice of how its agenda starts. */
static GtkWindow *
meeting_dialog_new (RaadAgendaPage *page,
                    RaadMeeting    *meeting)
{
  RaadRecord *record = RAAD_RECORD (meeting);
  GtkWindow *window;
  AdwPreferencesPage *prefs = raad_form_new (GTK_WIDGET (page),
                                             meeting != NULL ? _("Meeting") : _("New Meeting"),
                                             480, 620, RAAD_FORM_DEFAULT,
                                             G_CALLBACK (save_meeting_cb), &window);
  AdwPreferencesGroup *when = raad_form_add_group (prefs, _("When"));
  AdwPreferencesGroup *where = raad_form_add_group (prefs, _("Where and Who"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_week = g_date_time_add_days (now, 7);
  g_autofree char *date = g_date_time_format (next_week, "%Y-%m-%d");
  g_autofree char *guests = NULL;

  if (meeting != NULL)
    {
      const char * const *list = raad_record_get_strv (record, "guests");

      g_object_set_data_full (G_OBJECT (window), "raad-meeting", g_object_ref (meeting),
                              g_object_unref);
      guests = list != NULL ? g_strjoinv (", ", (char **) list) : NULL;
    }

  raad_form_add_entry (window, when, "date", _("_Date (YYYY-MM-DD)"),
                       meeting != NULL ? raad_record_get_string (record, "date") : date);
  raad_form_add_entry (window, when, "start", _("_Start (HH:MM)"),
                       meeting != NULL ? raad_record_get_string (record, "start-time")
                                       : "19:30");
  raad_form_add_entry (window, when, "end", _("Planned _end (HH:MM)"),
                       meeting != NULL ? raad_record_get_string (record, "end-time")
                                       : "21:30");
  raad_form_add_entry (window, where, "place", _("_Place"),
                       meeting != NULL ? raad_record_get_string (record, "place") : NULL);
  raad_form_add_entry (window, where, "online-link", _("_Online link"),
                       meeting != NULL ? raad_record_get_string (record, "online-link")
                                       : NULL);
  raad_form_add_entry (window, where, "guests", _("_Guests (separated by commas)"), guests);

  if (meeting == NULL)
    {
      AdwPreferencesGroup *agenda = raad_form_add_group (prefs, _("Agenda"));
      const char *starts[] = { N_("From the council’s template"),
                               N_("As a copy of the last meeting"), NULL };
      GtkStringList *choices = gtk_string_list_new (NULL);

      for (guint i = 0; starts[i] != NULL; i++)
        gtk_string_list_append (choices, _(starts[i]));
      raad_form_keep_field (window,
                            add_combo (agenda, "start-from", _("_Start the agenda"), choices));
    }
  else
    {
      AdwPreferencesGroup *danger = raad_form_add_group (prefs, NULL);
      GtkWidget *remove = new_danger_button (_("_Delete Meeting"), "delete",
                                             _("Delete meeting"));

      adw_preferences_group_set_description (danger,
                                             _("Deletes the meeting with its agenda; you can undo it."));
      g_signal_connect_swapped (remove, "clicked", G_CALLBACK (delete_meeting_cb), window);
      adw_preferences_group_add (danger, remove);
    }
  return window;
}

GtkWindow *
raad_agenda_meeting_dialog_new (RaadAgendaPage *page)
{
  return meeting_dialog_new (page, NULL);
}

GtkWindow *
raad_agenda_meeting_editor_new (RaadAgendaPage *page,
                                RaadMeeting    *meeting)
{
  g_return_val_if_fail (RAAD_IS_MEETING (meeting), NULL);

  return meeting_dialog_new (page, meeting);
}

/* Requests: new, or an existing one to edit as a dossier */

static const char * const request_kinds[] = { "advice", "consent", "unsolicited", NULL };
static const char * const request_articles[] = { "7", "8", "9", NULL };
static const char * const request_statuses[] = { "received", "in-progress", "answered", "replied",
                                                 "closed", NULL };

static guint
index_of (const char * const *list,
          const char         *value,
          guint               fallback)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_strcmp0 (list[i], value) == 0)
      return i;
  return fallback;
}

static void
save_request_cb (GtkWindow *window)
{
  static const char * const dates[] = { "received", "deadline", "answered", "replied",
                                        "decided-without-consent", NULL };
  RaadAgendaPage *page = raad_form_get_owner (window);
  RaadRecord *existing = g_object_get_data (G_OBJECT (window), "raad-request");
  g_autofree char *subject = raad_form_dup_field (window, "subject");
  g_autofree char *letter = raad_form_dup_field (window, "letter");
  g_autofree char *answer = raad_form_dup_field (window, "answer");
  g_autofree char *reply = raad_form_dup_field (window, "reply");
  char *values[G_N_ELEMENTS (dates)] = { NULL };
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (raad_form_get_field (window, "kind")));
  guint status = adw_combo_row_get_selected (ADW_COMBO_ROW (raad_form_get_field (window,
                                                                                 "status")));
  g_autoptr(RaadRecord) request = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = subject != NULL && kind < G_N_ELEMENTS (request_kinds) - 1
                && status < G_N_ELEMENTS (request_statuses) - 1;

  raad_form_mark_error (raad_form_get_field (window, "subject"), subject == NULL);
  for (guint i = 0; dates[i] != NULL; i++)
    {
      gboolean date_ok;

      values[i] = raad_form_dup_field (window, dates[i]);
      date_ok = values[i] == NULL || is_date (values[i]);
      raad_form_mark_error (raad_form_get_field (window, dates[i]), !date_ok);
      ok = ok && date_ok;
    }
  if (!ok)
    {
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        g_free (values[i]);
      return;
    }

  request = existing != NULL ? g_object_ref (existing)
                             : RAAD_RECORD (raad_request_new (raad_agenda_page_get_store (page)));
  g_object_set (request, "council-id", raad_agenda_page_get_council_id (page),
                "kind", request_kinds[kind], "article", request_articles[kind], "letter", letter,
                "subject", subject, "received", values[0], "deadline", values[1],
                "answer", answer, "answered", values[2], "reply", reply, "replied", values[3],
                "decided-without-consent", values[4], "status", request_statuses[status], NULL);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_free (values[i]);
  if (!raad_record_save (request, &error))
    {
      show_error_toast (page, _("Could not save the request"), error);
      return;
    }
  _raad_agenda_page_refresh (page);
  gtk_window_destroy (window);
}

/* With @request NULL: a new request, received today. */
static GtkWindow *
request_dialog_new (RaadAgendaPage *page,
                    RaadRequest    *request)
{
  RaadRecord *record = RAAD_RECORD (request);
  GtkWindow *window;
  AdwPreferencesPage *prefs = raad_form_new (GTK_WIDGET (page),
                                             request != NULL ? _("Request") : _("New Request"),
                                             480, 620, RAAD_FORM_DEFAULT,
                                             G_CALLBACK (save_request_cb), &window);
  AdwPreferencesGroup *group = raad_form_add_group (prefs, NULL);
  AdwPreferencesGroup *answer = raad_form_add_group (prefs, _("Answer and Reply"));
  AdwPreferencesGroup *consent = raad_form_add_group (prefs, _("Consent Refused"));
  g_autofree char *today = raad_date_today ();
  GtkStringList *kinds = gtk_string_list_new (NULL);
  GtkStringList *statuses = gtk_string_list_new (NULL);
  GtkWidget *row;

#define VALUE(name, fallback) (request != NULL ? raad_record_get_string (record, name) : (fallback))
  if (request != NULL)
    g_object_set_data_full (G_OBJECT (window), "raad-request", g_object_ref (request),
                            g_object_unref);

  gtk_string_list_append (kinds, _("Advice request (art. 7)"));
  gtk_string_list_append (kinds, _("Consent request (art. 8)"));
  gtk_string_list_append (kinds, _("Unsolicited advice (art. 9)"));
  row = add_combo (group, "kind", _("_Kind"), kinds);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), index_of (request_kinds, VALUE ("kind", NULL), 0));
  raad_form_keep_field (window, row);
  raad_form_add_entry (window, group, "letter", _("_Letter of the article (e.g. g)"),
                       VALUE ("letter", NULL));
  raad_form_add_entry (window, group, "subject", _("_Subject"), VALUE ("subject", NULL));
  raad_form_add_entry (window, group, "received", _("_Received (YYYY-MM-DD)"),
                       VALUE ("received", today));
  raad_form_add_entry (window, group, "deadline", _("Agreed _deadline (YYYY-MM-DD)"),
                       VALUE ("deadline", NULL));
  gtk_string_list_append (statuses, _("Received"));
  gtk_string_list_append (statuses, _("In progress"));
  gtk_string_list_append (statuses, _("Answered"));
  gtk_string_list_append (statuses, _("Replied"));
  gtk_string_list_append (statuses, _("Closed"));
  row = add_combo (group, "status", _("S_tatus"), statuses);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                              index_of (request_statuses, VALUE ("status", NULL), 0));
  raad_form_keep_field (window, row);

  raad_form_add_entry (window, answer, "answer", _("The council’s _answer"),
                       VALUE ("answer", NULL));
  raad_form_add_entry (window, answer, "answered", _("Answered _on (YYYY-MM-DD)"),
                       VALUE ("answered", NULL));
  raad_form_add_entry (window, answer, "reply", _("The director’s written _reply"),
                       VALUE ("reply", NULL));
  raad_form_add_entry (window, answer, "replied", _("Re_plied on (YYYY-MM-DD)"),
                       VALUE ("replied", NULL));

  adw_preferences_group_set_description (consent,
                                         _("For a consent request: when the director decided without the council’s consent. The council may declare that decision void within one month."));
  raad_form_add_entry (window, consent, "decided-without-consent",
                       _("Decided _without consent on (YYYY-MM-DD)"),
                       VALUE ("decided-without-consent", NULL));
#undef VALUE
  return window;
}

GtkWindow *
raad_agenda_request_dialog_new (RaadAgendaPage *page)
{
  return request_dialog_new (page, NULL);
}

GtkWindow *
raad_agenda_request_editor_new (RaadAgendaPage *page,
                                RaadRequest    *request)
{
  g_return_val_if_fail (RAAD_IS_REQUEST (request), NULL);

  return request_dialog_new (page, request);
}

/* Action points of an agenda item, in its editor: saved at once as their own records. */

static void
fill_action_points (GtkWindow *window)
{
  GtkListBox *list = GTK_LIST_BOX (raad_form_get_field (window, "action-points"));
  RaadAgendaItem *item = g_object_get_data (G_OBJECT (window), "raad-item");
  RaadStore *store = raad_record_get_store (RAAD_RECORD (item));
  g_autoptr(RaadQuery) query = raad_query_new ("action_point");
  g_autoptr(RaadRecordList) points = NULL;
  GtkListBoxRow *old;
  guint n;

  while ((old = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (old));
  raad_query_where_equals (query, "item_id", raad_record_get_id (RAAD_RECORD (item)));
  raad_query_order_by (query, "due", FALSE);
  points = raad_record_list_new (store, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (points));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaadRecord) point = g_list_model_get_item (G_LIST_MODEL (points), i);
      g_autofree char *owner = raad_agenda_dup_member_name (store,
                                                            raad_record_get_string (point, "owner-id"));
      const char *due = raad_record_get_string (point, "due");
      const char *done = raad_record_get_string (point, "done");
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      if (done != NULL)
        /* Translators: an action point's owner, due date and the date it was closed */
        subtitle = g_strdup_printf (_("%s · due %s · done %s"), owner != NULL ? owner : _("nobody"),
                                    due != NULL ? due : "–", done);
      else
        /* Translators: an action point's owner and due date */
        subtitle = g_strdup_printf (_("%s · due %s"), owner != NULL ? owner : _("nobody"),
                                    due != NULL ? due : "–");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), raad_record_get_string (point, "text"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (done != NULL ? "emblem-ok-symbolic"
                                                                            : "checkbox-symbolic"));
      gtk_widget_set_name (row, "action-point");
      gtk_list_box_append (list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (list), n > 0);
}

static void
add_action_point_cb (GtkWindow *window)
{
  RaadAgendaPage *page = raad_form_get_owner (window);
  RaadAgendaItem *item = g_object_get_data (G_OBJECT (window), "raad-item");
  RaadRecord *record = RAAD_RECORD (item);
  GPtrArray *member_ids = g_object_get_data (G_OBJECT (window), "raad-member-ids");
  g_autofree char *text = raad_form_dup_field (window, "action-text");
  g_autofree char *due = raad_form_dup_field (window, "action-due");
  GtkWidget *owner_row = raad_form_get_field (window, "action-owner");
  guint owner = adw_combo_row_get_selected (ADW_COMBO_ROW (owner_row));
  g_autoptr(RaadActionPoint) point = NULL;
  g_autoptr(GError) error = NULL;
  gboolean due_ok = due == NULL || is_date (due);

  raad_form_mark_error (raad_form_get_field (window, "action-text"), text == NULL);
  raad_form_mark_error (raad_form_get_field (window, "action-due"), !due_ok);
  if (text == NULL || !due_ok)
    return;

  point = raad_action_point_new (raad_record_get_store (record));
  g_object_set (point, "council-id", raad_record_get_string (record, "council-id"),
                "meeting-id", raad_record_get_string (record, "meeting-id"),
                "item-id", raad_record_get_id (record), "text", text,
                "owner-id", owner > 0 && owner < member_ids->len ? member_ids->pdata[owner] : NULL,
                "due", due, NULL);
  if (!raad_record_save (RAAD_RECORD (point), &error))
    {
      show_error_toast (page, _("Could not save the action point"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (raad_form_get_field (window, "action-text")), "");
  gtk_editable_set_text (GTK_EDITABLE (raad_form_get_field (window, "action-due")), "");
  adw_combo_row_set_selected (ADW_COMBO_ROW (owner_row), 0);
  fill_action_points (window);
  gtk_widget_grab_focus (raad_form_get_field (window, "action-text"));
}

static void
add_action_points_group (GtkWindow          *window,
                         AdwPreferencesPage *prefs,
                         GtkStringList      *member_names)
{
  AdwPreferencesGroup *group = raad_form_add_group (prefs, _("Action Points"));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Action Point"));
  GtkStringList *owners = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 28);
  g_autofree char *due = g_date_time_format (later, "%Y-%m-%d");
  GtkWidget *row;

  adw_preferences_group_set_description (group,
                                         _("What was agreed, who does it and by when. Open points come back on the next meeting’s agenda."));
  gtk_widget_set_name (list, "action-points");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_bottom (list, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Action points of this item"), -1);
  adw_preferences_group_add (group, list);
  raad_form_keep_field (window, list);

  row = raad_form_add_entry (window, group, "action-text", _("New action _point"), NULL);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (member_names)); i++)
    gtk_string_list_append (owners, gtk_string_list_get_string (member_names, i));
  row = add_combo (group, "action-owner", _("_Owner"), owners);
  raad_form_keep_field (window, row);
  row = raad_form_add_entry (window, group, "action-due", _("D_ue by (YYYY-MM-DD)"), due);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), FALSE);

  gtk_widget_set_name (button, "add-action-point");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add action point"), -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_action_point_cb), window);
  adw_preferences_group_add (group, button);
  fill_action_points (window);
}

/* Documents of an agenda item, in its editor: attached and removed at once. */

static void fill_documents (GtkWindow *window);

static void
open_document_cb (GtkButton *button,
                  GtkWindow *window)
{
  RaadAgendaItem *item = g_object_get_data (G_OBJECT (window), "raad-item");
  const char *name = g_object_get_data (G_OBJECT (button), "raad-document");
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  /* A copy in the cache folder, named as attached, for the user's own viewer. */
  data = raad_record_get_attachment (RAAD_RECORD (item), name, NULL, &error);
  if (data != NULL)
    {
      folder = g_build_filename (g_get_user_cache_dir (), "raadswerk", "documents",
                                 raad_record_get_id (RAAD_RECORD (item)), NULL);
      path = g_build_filename (folder, name, NULL);
      if (g_mkdir_with_parents (folder, 0700) == 0 &&
          g_file_set_contents (path, g_bytes_get_data (data, NULL), g_bytes_get_size (data), &error))
        uri = g_filename_to_uri (path, NULL, &error);
    }
  if (uri == NULL)
    {
      show_error_toast (raad_form_get_owner (window), _("Could not open the document"), error);
      return;
    }
  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

static void
remove_document_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             GtkWindow        *window)
{
  RaadAgendaItem *item = g_object_get_data (G_OBJECT (window), "raad-item");
  const char *name = g_object_get_data (G_OBJECT (dialog), "raad-document");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!raad_agenda_remove_document (item, name, &error))
    show_error_toast (raad_form_get_owner (window), _("Could not remove the document"), error);
  fill_documents (window);
}

static void
remove_document_cb (GtkButton *button,
                    GtkWindow *window)
{
  const char *name = g_object_get_data (G_OBJECT (button), "raad-document");
  GtkWidget *dialog;

  /* Translators: asked before a document is taken off an agenda item */
  dialog = adw_message_dialog_new (window, _("Remove Document?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will no longer be attached to this item, on this laptop or on the others it syncs with."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "raad-document", g_strdup (name), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (remove_document_response_cb), window);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
new_document_button (GtkWindow  *window,
                     const char *icon,
                     const char *label,
                     const char *name,
                     GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  g_object_set_data_full (G_OBJECT (button), "raad-document", g_strdup (name), g_free);
  g_signal_connect (button, "clicked", callback, window);
  return button;
}

static void
fill_documents (GtkWindow *window)
{
  GtkListBox *list = GTK_LIST_BOX (raad_form_get_field (window, "documents"));
  RaadAgendaItem *item = g_object_get_data (G_OBJECT (window), "raad-item");
  g_auto(GStrv) names = raad_record_list_attachments (RAAD_RECORD (item));
  GtkListBoxRow *old;

  while ((old = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (old));
  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      gint64 size = raad_record_get_attachment_size (RAAD_RECORD (item), names[i]);
      g_autofree char *size_text = size >= 0 ? g_format_size (size) : NULL;
      g_autofree char *open_label = g_strdup_printf (_("Open %s"), names[i]);
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), names[i]);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), names[i]);
      if (size_text != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size_text);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("text-x-generic-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_document_button (window, "document-open-symbolic", open_label,
                                                      names[i], G_CALLBACK (open_document_cb)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_document_button (window, "user-trash-symbolic", remove_label,
                                                      names[i], G_CALLBACK (remove_document_cb)));
      gtk_widget_set_name (row, "document");
      gtk_list_box_append (list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (list), names[0] != NULL);
}

static void
document_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GtkWindow) window = user_data;
  GFile *file = G_FILE (source);
  RaadAgendaItem *item = g_object_get_data (G_OBJECT (window), "raad-item");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *content_type = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (file, result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_toast (raad_form_get_owner (window), _("Could not read the document"), error);
      return;
    }
  if (gtk_widget_in_destruction (GTK_WIDGET (window)))
    return;
  name = g_file_get_basename (file);
  content_type = g_content_type_guess (name, (const guchar *) contents, MIN (length, 4096), NULL);
  data = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (!raad_agenda_attach_document (item, name, content_type, data, NULL, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      /* What is wrong with the file is worth more than a generic line. */
      adw_toast_set_timeout (toast, 10);
      _raad_agenda_page_show_toast (raad_form_get_owner (window), toast);
      g_object_unref (toast);
      g_object_set_data_full (G_OBJECT (window), "raad-document-error",
                              g_strdup (error->message), g_free);
      return;
    }
  g_object_set_data (G_OBJECT (window), "raad-document-error", NULL);
  fill_documents (window);
}

void
raad_agenda_item_editor_attach_file (GtkWindow *window,
                                     GFile     *file)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_contents_async (file, NULL, document_loaded_cb, g_object_ref (window));
}

static void
document_chosen_cb (GtkNativeDialog *chooser,
                    int              response,
                    GtkWindow       *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        raad_agenda_item_editor_attach_file (window, file);
    }
  g_object_unref (chooser);
}

static void
attach_document_cb (GtkWindow *window)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Attach Document"), window,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (document_chosen_cb), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_documents_group (GtkWindow          *window,
                     AdwPreferencesPage *prefs)
{
  AdwPreferencesGroup *group = raad_form_add_group (prefs, _("Documents"));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("A_ttach Document…"));
  g_autofree char *limit = g_format_size (RAAD_AGENDA_DOCUMENT_MAX_SIZE);
  g_autofree char *description = NULL;

  /* Translators: %s is the largest size of a document, e.g. "26.2 MB" */
  description = g_strdup_printf (_("The letter, the report or the budget this item is about. They travel with the agenda to every laptop of the council; up to %s each."),
                                 limit);
  adw_preferences_group_set_description (group, description);
  gtk_widget_set_name (list, "documents");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Documents of this item"), -1);
  adw_preferences_group_add (group, list);
  raad_form_keep_field (window, list);

  gtk_widget_set_name (button, "attach-document");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Attach document"), -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (attach_document_cb), window);
  adw_preferences_group_add (group, button);
  fill_documents (window);
}

/* Item editor */

static void
save_item_cb (GtkWindow *window)
{
  RaadAgendaPage *page = raad_form_get_owner (window);
  RaadAgendaItem *item = g_object_get_data (G_OBJECT (window), "raad-item");
  GPtrArray *member_ids = g_object_get_data (G_OBJECT (window), "raad-member-ids");
  g_autofree char *title = raad_form_dup_field (window, "title");
  g_autofree char *guest = raad_form_dup_field (window, "guest");
  g_autofree char *notes = raad_form_dup_field (window, "notes");
  g_autofree char *decision = raad_form_dup_field (window, "decision");
  g_autofree char *minutes = NULL;
  GtkWidget *minutes_view = raad_form_get_field (window, "minutes");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (minutes_view));
  GtkTextIter start, end;
  GtkWidget *kind_row = raad_form_get_field (window, "kind");
  GtkWidget *purpose_row = raad_form_get_field (window, "purpose");
  GtkWidget *presenter_row = raad_form_get_field (window, "presenter");
  GtkWidget *duration_spin = raad_form_get_field (window, "duration");
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row));
  guint purpose = adw_combo_row_get_selected (ADW_COMBO_ROW (purpose_row));
  guint presenter = adw_combo_row_get_selected (ADW_COMBO_ROW (presenter_row));
  guint duration = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (duration_spin));
  gboolean shared = gtk_switch_get_active (GTK_SWITCH (raad_form_get_field (window, "shared")));
  gboolean was_shared = FALSE;
  g_autoptr(GError) error = NULL;

  raad_form_mark_error (raad_form_get_field (window, "title"), title == NULL);
  if (title == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  minutes = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*minutes == '\0')
    g_clear_pointer (&minutes, g_free);

  g_object_get (item, "shared", &was_shared, NULL);
  g_object_set (item, "title", title, "kind", kind == 0 ? "standard" : "subject",
                "purpose", purpose > 0 ? purposes[purpose - 1] : NULL,
                "duration", duration,
                "presenter-id", presenter > 0 && presenter < member_ids->len
                                ? member_ids->pdata[presenter] : NULL,
                "guest", guest, "notes", notes, "minutes", minutes, "decision", decision, NULL);
  if (!raad_record_save (RAAD_RECORD (item), &error)
      || ((shared != was_shared || shared) && !raad_agenda_set_shared (item, shared, &error)))
    {
      show_error_toast (page, _("Could not save the agenda item"), error);
      return;
    }
  _raad_agenda_page_refresh (page);
  gtk_window_destroy (window);
}

static void
remove_item_cb (GtkWindow *window)
{
  RaadAgendaPage *page = raad_form_get_owner (window);
  RaadAgendaItem *item = g_object_get_data (G_OBJECT (window), "raad-item");

  _raad_agenda_page_remove_item (page, item);
  gtk_window_destroy (window);
}

/* The constituency signals the item takes up, read-only: theme, location and status, not
 * their (personal) text. */
static void
add_signals_group (AdwPreferencesPage *prefs,
                   RaadAgendaItem     *item)
{
  g_autoptr(GPtrArray) signals = raad_signals_for_agenda_item (item);
  AdwPreferencesGroup *group;

  if (signals->len == 0)
    return;
  group = raad_form_add_group (prefs, _("Signals from the Constituency"));
  for (guint i = 0; i < signals->len; i++)
    {
      RaadRecord *signal = signals->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      const char *location = raad_record_get_string (signal, "location");
      g_autofree char *subtitle = NULL;

      /* Translators: a signal on an agenda item: its location and status */
      subtitle = g_strdup_printf (_("%s · %s"), location != NULL ? location : "–",
                                  raad_signals_describe_status (RAAD_SIGNAL (signal)));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), raad_record_get_string (signal, "theme"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (row, "signal");
      adw_preferences_group_add (group, row);
    }
}

GtkWindow *
raad_agenda_item_editor_new (RaadAgendaPage *page,
                             RaadAgendaItem *item)
{
  RaadStore *store = raad_agenda_page_get_store (page);
  RaadRecord *record = RAAD_RECORD (item);
  GtkWindow *window;
  AdwPreferencesPage *prefs = raad_form_new (GTK_WIDGET (page), _("Agenda Item"), 480, 620,
                                             RAAD_FORM_DEFAULT, G_CALLBACK (save_item_cb),
                                             &window);
  AdwPreferencesGroup *what = raad_form_add_group (prefs, NULL);
  AdwPreferencesGroup *who = raad_form_add_group (prefs, _("Who"));
  AdwPreferencesGroup *record_group;
  AdwPreferencesGroup *danger;
  GtkStringList *kinds = gtk_string_list_new (NULL);
  GtkStringList *purpose_names = gtk_string_list_new (NULL);
  GtkStringList *member_names = gtk_string_list_new (NULL);
  GPtrArray *member_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RaadQuery) query = raad_query_new ("member");
  g_autoptr(RaadRecordList) members = NULL;
  const char *purpose = raad_record_get_string (record, "purpose");
  const char *presenter = raad_record_get_string (record, "presenter-id");
  const char *council_id = raad_record_get_string (record, "council-id");
  GtkWidget *row, *spin, *toggle, *view, *frame, *remove;
  guint duration = 0;
  gboolean shared = FALSE;

  g_object_set_data_full (G_OBJECT (window), "raad-item", g_object_ref (item), g_object_unref);
  g_object_set_data_full (G_OBJECT (window), "raad-member-ids", member_ids,
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_get (item, "duration", &duration, "shared", &shared, NULL);

  raad_form_add_entry (window, what, "title", _("_Title"),
                       raad_record_get_string (record, "title"));
  gtk_string_list_append (kinds, _("Standard item"));
  gtk_string_list_append (kinds, _("Subject"));
  row = add_combo (what, "kind", _("_Kind"), kinds);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                              g_strcmp0 (raad_record_get_string (record, "kind"), "standard") == 0
                              ? 0 : 1);
  raad_form_keep_field (window, row);

  gtk_string_list_append (purpose_names, _("No purpose"));
  for (guint i = 0; purposes[i] != NULL; i++)
    gtk_string_list_append (purpose_names, raad_agenda_purpose_label (purposes[i]));
  row = add_combo (what, "purpose", _("_Purpose"), purpose_names);
  for (guint i = 0; purposes[i] != NULL; i++)
    if (g_strcmp0 (purpose, purposes[i]) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i + 1);
  raad_form_keep_field (window, row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Duration in minutes"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  spin = gtk_spin_button_new_with_range (0, 600, 5);
  gtk_widget_set_name (spin, "duration");
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), duration);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Duration in minutes"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (what, row);
  raad_form_keep_field (window, spin);

  /* The presenter is a member of the council (linking pins included). */
  gtk_string_list_append (member_names, _("Nobody"));
  g_ptr_array_add (member_ids, NULL);
  raad_query_where_equals_or_contains (query, "council_id", "linking_pins", council_id);
  raad_query_order_by (query, "name", FALSE);
  members = raad_record_list_new (store, query);
  row = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (members)); i++)
    {
      g_autoptr(RaadMember) member = g_list_model_get_item (G_LIST_MODEL (members), i);

      gtk_string_list_append (member_names, raad_member_get_name (member));
      g_ptr_array_add (member_ids, g_strdup (raad_record_get_id (RAAD_RECORD (member))));
    }
  row = add_combo (who, "presenter", _("P_resenter"), member_names);
  for (guint i = 1; i < member_ids->len; i++)
    if (g_strcmp0 (presenter, member_ids->pdata[i]) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  raad_form_keep_field (window, row);
  raad_form_add_entry (window, who, "guest", _("_Guest joining at this item"),
                       raad_record_get_string (record, "guest"));
  raad_form_add_entry (window, who, "notes", _("_Notes"), raad_record_get_string (record, "notes"));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("S_hare with the other councils"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Their next agenda shows it under the information exchange"));
  toggle = gtk_switch_new ();
  gtk_widget_set_name (toggle, "shared");
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), shared);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Share with the other councils"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (who, row);
  raad_form_keep_field (window, toggle);
  add_documents_group (window, prefs);
  add_signals_group (prefs, item);
  record_group = raad_form_add_group (prefs, _("Minutes and Decision"));

  view = gtk_text_view_new ();
  gtk_widget_set_name (view, "minutes");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 96);
  if (raad_record_get_string (record, "minutes") != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                              raad_record_get_string (record, "minutes"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Minutes"), -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_set_description (record_group, _("Minutes"));
  adw_preferences_group_add (record_group, frame);
  raad_form_keep_field (window, view);
  {
    AdwPreferencesGroup *decision_group = raad_form_add_group (prefs, NULL);

    raad_form_add_entry (window, decision_group, "decision", _("_Decision"),
                         raad_record_get_string (record, "decision"));
    add_action_points_group (window, prefs, member_names);
    danger = raad_form_add_group (prefs, NULL);
  }

  remove = new_danger_button (_("_Remove Item"), "remove", _("Remove item"));
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_item_cb), window);
  adw_preferences_group_add (danger, remove);
  return window;
}
