/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda-page.c: the meetings page: meetings, requests and the agenda builder */
#define G_LOG_DOMAIN "raad-agenda"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "raad-a11y.h"
#include "raad-agenda.h"
#include "raad-agenda-dialogs.h"
#include "raad-agenda-export.h"
#include "raad-agenda-outline.h"
#include "raad-agenda-page-private.h"
#include "raad-date.h"
#include "raad-query.h"
#include "raad-record-list.h"
#include "raad-schedule.h"

/* An agenda has tens of items, so the builder is a GtkListBox rebuilt from the store after
 * every change: numbers and start times come from raad_schedule_compute over the whole list
 * anyway. A rebuild keeps the focus on the row of the same item, which is what makes Alt+Up
 * and Alt+Down keep the focus on the moved item. A move only reorders and renumbers the
 * existing rows (reorder_agenda), from the items the rows hold (live records that follow the
 * store), without reading the store again; the rows change places through a one-off sort, so
 * they keep their measured sizes, their selection and the focus. Opening a meeting only moves
 * the highlight in the meetings list; presenters' names are looked up once (a cache that a
 * change of members empties). Changes from elsewhere (sync) arrive through the store's
 * "changed" signal and refresh, in one idle, only the lists the changed types and ids
 * concern: changed agenda items are gathered over all signals until then, and whether they
 * concern the open meeting is answered by the rows and one query, whatever their number. */

struct _RaadAgendaPage
{
  GtkWidget     parent_instance;

  RaadStore    *store;
  GSettings    *settings;
  char         *council_id;
  char         *meeting_id;
  char         *next_meeting_id;  /* the first upcoming meeting, for "Put on agenda" */
  GPtrArray    *removed;          /* items of the last removal, for Undo */
  GPtrArray    *removed_meeting;  /* the last deleted meeting, its items and points, for Undo */
  AdwToast     *last_toast;
  RaadRecord   *meeting;          /* the open meeting, live */
  GHashTable   *member_names;     /* member id → name ("" for unknown), for presenters */
  GHashTable   *changed_items;    /* agenda item ids the store announced, checked in the idle */
  guint         refresh_idle_id;
  /* What the store's "changed" signal asked to refresh, done together in an idle; each
   * refresh clears its flag, so the page's own writes, refreshed at once, cost nothing more. */
  gboolean      stale_meetings;
  gboolean      stale_requests;
  gboolean      stale_agenda;

  AdwLeaflet   *leaflet;
  GtkListBox   *upcoming_list;
  GtkListBox   *past_list;
  GtkListBox   *request_list;
  GtkListBox   *agenda_list;
  GtkLabel     *meeting_title;
  GtkLabel     *meeting_summary;
  GtkWidget    *overrun_box;
  GtkLabel     *overrun_label;
  GtkLabel     *total_label;
  GtkStack     *content_stack;
};

G_DEFINE_FINAL_TYPE (RaadAgendaPage, raad_agenda_page, GTK_TYPE_WIDGET)

/* The narrowest width of an agenda row's title and details, in characters. */
#define MIN_WRAP_CHARS 12

static void refresh_agenda       (RaadAgendaPage *self);
static void setup_drag_and_drop  (GtkWidget      *list);
static void undo_remove          (RaadAgendaPage *self);

/* Helpers */

static char *
format_date (const char *date)
{
  /* Translators: a meeting's date, g_date_time_format: "Thursday 3 December 2026" */
  char *text = date != NULL ? raad_agenda_format_date (date, _("%A %-d %B %Y")) : NULL;

  return text != NULL ? text : g_strdup (date != NULL ? date : _("No date"));
}

static RaadAgendaItem *
current_item (RaadAgendaPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->agenda_list);

  if (row == NULL)
    {
      GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self->agenda_list));

      row = GTK_IS_LIST_BOX_ROW (focus) ? GTK_LIST_BOX_ROW (focus) : NULL;
    }
  return row != NULL ? _raad_agenda_page_row_get_item (row) : NULL;
}

static void
update_actions (RaadAgendaPage *self)
{
  gboolean has_store = self->store != NULL && self->council_id != NULL;
  gboolean open = self->meeting_id != NULL;
  gboolean has_item = open && current_item (self) != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "agenda.new-meeting", has_store);
  gtk_widget_action_set_enabled (widget, "agenda.new-request", has_store);
  gtk_widget_action_set_enabled (widget, "agenda.edit-meeting", open);
  gtk_widget_action_set_enabled (widget, "agenda.delete-meeting", open);
  gtk_widget_action_set_enabled (widget, "agenda.add-item", open);
  gtk_widget_action_set_enabled (widget, "agenda.add-sub-item", has_item);
  gtk_widget_action_set_enabled (widget, "agenda.edit-item", has_item);
  gtk_widget_action_set_enabled (widget, "agenda.remove-item", has_item);
  gtk_widget_action_set_enabled (widget, "agenda.move-up", has_item);
  gtk_widget_action_set_enabled (widget, "agenda.move-down", has_item);
  gtk_widget_action_set_enabled (widget, "agenda.export-pdf", open);
  gtk_widget_action_set_enabled (widget, "agenda.export-large-pdf", open);
  gtk_widget_action_set_enabled (widget, "agenda.export-minutes", open);
  gtk_widget_action_set_enabled (widget, "agenda.print", open);
  gtk_widget_action_set_enabled (widget, "agenda.copy-markdown", open);
  gtk_widget_action_set_enabled (widget, "agenda.save-ics", open);
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* Rows only: the placeholder stays. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
new_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* Meetings */

static GtkWidget *
new_meeting_row (RaadAgendaPage *self,
                 RaadRecord     *meeting)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = format_date (raad_record_get_string (meeting, "date"));
  const char *start = raad_record_get_string (meeting, "start_time");
  const char *end = raad_record_get_string (meeting, "end_time");
  const char *place = raad_record_get_string (meeting, "place");
  const char *link = raad_record_get_string (meeting, "online_link");
  g_autoptr(GString) subtitle = g_string_new (start);

  if (start != NULL && end != NULL)
    g_string_append_printf (subtitle, "–%s", end);
  if (place != NULL || link != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "",
                            place != NULL ? place : _("Online"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  if (g_strcmp0 (self->meeting_id, raad_record_get_id (meeting)) == 0)
    gtk_widget_add_css_class (row, "raad-agenda-open");
  g_object_set_data_full (G_OBJECT (row), "raad-meeting-id",
                          g_strdup (raad_record_get_id (meeting)), g_free);
  return row;
}

static void
refresh_meetings (RaadAgendaPage *self)
{
  g_autoptr(RaadQuery) query = raad_query_new ("meeting");
  g_autoptr(RaadRecordList) meetings = NULL;
  g_autofree char *today = raad_date_today ();
  guint n;

  self->stale_meetings = FALSE;
  clear_list (self->upcoming_list);
  clear_list (self->past_list);
  g_clear_pointer (&self->next_meeting_id, g_free);
  if (self->store == NULL || self->council_id == NULL)
    return;

  raad_query_where_equals (query, "council_id", self->council_id);
  raad_query_order_by (query, "date", FALSE);
  raad_query_order_by (query, "start_time", FALSE);
  meetings = raad_record_list_new (self->store, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (meetings));
  /* Upcoming soonest first, then past most recent first. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaadRecord) meeting = g_list_model_get_item (G_LIST_MODEL (meetings), i);
      const char *date = raad_record_get_string (meeting, "date");
      GtkWidget *row = new_meeting_row (self, meeting);

      if (g_strcmp0 (date, today) >= 0)
        {
          if (self->next_meeting_id == NULL)
            self->next_meeting_id = g_strdup (raad_record_get_id (meeting));
          gtk_list_box_append (self->upcoming_list, row);
        }
      else
        gtk_list_box_prepend (self->past_list, row);
    }
}

/* Moves the highlight to the row of the open meeting, without rebuilding the lists. */
static void
update_meeting_highlight (RaadAgendaPage *self)
{
  GtkListBox *lists[] = { self->upcoming_list, self->past_list };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (lists[i]));
         child != NULL; child = gtk_widget_get_next_sibling (child))
      {
        const char *id = g_object_get_data (G_OBJECT (child), "raad-meeting-id");

        if (id == NULL)
          continue;
        if (g_strcmp0 (id, self->meeting_id) == 0)
          gtk_widget_add_css_class (child, "raad-agenda-open");
        else
          gtk_widget_remove_css_class (child, "raad-agenda-open");
      }
}

/* Requests */

static char *
describe_warning (RaadRequestWarning  warning,
                  const char         *until)
{
  g_autofree char *date = until != NULL ? raad_agenda_format_date (until, _("%-d %B %Y")) : NULL;

  switch (warning)
    {
    case RAAD_REQUEST_DUE_SOON:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Due %s"), date);
    case RAAD_REQUEST_OVERDUE:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Overdue since %s"), date);
    case RAAD_REQUEST_VOID_WINDOW:
      /* Translators: %s is a date; art. 8 of the Dutch law on client councils */
      return g_strdup_printf (_("Decided without consent: may be declared void until %s"), date);
    case RAAD_REQUEST_CALM:
    default:
      return NULL;
    }
}

static const char *
request_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "consent") == 0)
    return _("Consent request");
  if (g_strcmp0 (kind, "unsolicited") == 0)
    return _("Unsolicited advice");
  return _("Advice request");
}

static GtkWidget *
new_request_row (RaadAgendaPage *self,
                 RaadRecord     *request,
                 const char     *today)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *until = NULL;
  RaadRequestWarning warning = raad_agenda_request_warning (RAAD_REQUEST (request), today, &until);
  g_autofree char *warning_text = describe_warning (warning, until);
  const char *subject = raad_record_get_string (request, "subject");
  const char *article = raad_record_get_string (request, "article");
  const char *letter = raad_record_get_string (request, "letter");
  const char *deadline = raad_record_get_string (request, "deadline");
  g_autoptr(GString) subtitle = g_string_new (request_kind_label (raad_record_get_string (request, "kind")));
  g_autofree char *accessible = NULL;
  g_autofree char *button_name = NULL;

  if (article != NULL)
    g_string_append_printf (subtitle, " (art. %s%s)", article, letter != NULL ? letter : "");
  if (warning_text != NULL)
    g_string_append_printf (subtitle, "\n%s", warning_text);
  else if (deadline != NULL)
    {
      g_autofree char *date = raad_agenda_format_date (deadline, _("%-d %B %Y"));

      /* Translators: %s is a date */
      g_string_append_printf (subtitle, "\n%s", date != NULL ? date : deadline);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subject != NULL ? subject : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (warning != RAAD_REQUEST_CALM)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, warning == RAAD_REQUEST_DUE_SOON ? "warning" : "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      warning_text, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Put on the agenda of the next meeting"));
  /* Translators: %s is the subject of an advice or consent request */
  button_name = g_strdup_printf (_("Put “%s” on the agenda"), subject != NULL ? subject : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  button_name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "agenda.put-on-agenda");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", raad_record_get_id (request));
  gtk_widget_set_sensitive (button, self->next_meeting_id != NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Enter to open the dossier"));
  g_object_set_data_full (G_OBJECT (row), "raad-request", g_object_ref (request), g_object_unref);
  accessible = g_strdup_printf ("%s, %s", subject != NULL ? subject : "", subtitle->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

static void
refresh_requests (RaadAgendaPage *self)
{
  g_autoptr(RaadQuery) query = raad_query_new ("request");
  g_autoptr(RaadRecordList) requests = NULL;
  g_autoptr(GPtrArray) watch = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *today = raad_date_today ();
  guint n;

  self->stale_requests = FALSE;
  clear_list (self->request_list);
  if (self->store == NULL || self->council_id == NULL)
    return;

  /* Those to watch first, most urgent first; then the others by deadline. */
  watch = raad_agenda_requests_to_watch (self->store, self->council_id, today);
  for (guint i = 0; i < watch->len; i++)
    {
      RaadRecord *request = watch->pdata[i];

      g_hash_table_add (shown, (gpointer) raad_record_get_id (request));
      gtk_list_box_append (self->request_list, new_request_row (self, request, today));
    }
  raad_query_where_equals (query, "council_id", self->council_id);
  raad_query_order_by (query, "deadline", FALSE);
  requests = raad_record_list_new (self->store, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (requests));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaadRecord) request = g_list_model_get_item (G_LIST_MODEL (requests), i);

      if (!g_hash_table_contains (shown, raad_record_get_id (request)))
        gtk_list_box_append (self->request_list, new_request_row (self, request, today));
    }
}

/* The agenda */

/* A member's name, or NULL: cached, as every row of every meeting asks for one. */
static const char *
lookup_member_name (RaadAgendaPage *self,
                    const char     *member_id)
{
  const char *name;

  if (member_id == NULL)
    return NULL;
  name = g_hash_table_lookup (self->member_names, member_id);
  if (name == NULL)
    {
      char *found = raad_agenda_dup_member_name (self->store, member_id);

      name = found != NULL ? found : g_strdup ("");
      g_hash_table_insert (self->member_names, g_strdup (member_id), (char *) name);
    }
  return *name != '\0' ? name : NULL;
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The row's label for a screen reader, again after a move renumbered it. */
static void
set_item_row_label (GtkWidget               *row,
                    RaadAgendaItem          *item,
                    const RaadScheduleEntry *entry,
                    const char              *number_text,
                    const char              *time_text)
{
  const char *item_title = raad_record_get_string (RAAD_RECORD (item), "title");
  const char *detail = g_object_get_data (G_OBJECT (row), "raad-detail");
  /* "min" is an abbreviation: the same for one and for many. */
  g_autofree char *minutes = g_strdup_printf (_("%u min"), entry->duration);
  g_autofree char *accessible = NULL;

  /* Translators: an agenda row for a screen reader: number, start time, title, minutes,
   * then purpose and presenter */
  accessible = g_strdup_printf (_("%s, %s, %s, %s. %s"), number_text, time_text,
                                item_title != NULL ? item_title : "", minutes,
                                detail != NULL ? detail : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static GtkWidget *
new_item_row (RaadAgendaPage          *self,
              RaadAgendaItem          *item,
              const RaadScheduleEntry *entry,
              gboolean                 has_times)
{
  RaadRecord *record = RAAD_RECORD (item);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *number, *time, *title, *details, *duration_label;
  g_autofree char *number_text = raad_schedule_format_number (entry->number);
  g_autofree char *time_text = has_times ? raad_schedule_format_time (entry->start) : g_strdup ("");
  const char *presenter = lookup_member_name (self, raad_record_get_string (record, "presenter-id"));
  const char *purpose = raad_agenda_purpose_label (raad_record_get_string (record, "purpose"));
  const char *guest = raad_record_get_string (record, "guest");
  const char *item_title = raad_record_get_string (record, "title");
  /* "min" is an abbreviation: the same for one and for many. */
  g_autofree char *minutes = g_strdup_printf (_("%u min"), entry->duration);
  g_autoptr(GString) detail = g_string_new (purpose);
  gboolean shared = FALSE;

  g_object_get (item, "shared", &shared, NULL);
  if (presenter != NULL)
    g_string_append_printf (detail, "%s%s", detail->len > 0 ? " · " : "", presenter);
  if (guest != NULL)
    {
      /* Translators: %s is a guest joining the meeting at an agenda item */
      g_autofree char *guest_text = g_strdup_printf (_("guest: %s"), guest);

      g_string_append_printf (detail, "%s%s", detail->len > 0 ? " · " : "", guest_text);
    }
  if (shared)
    g_string_append_printf (detail, "%s%s", detail->len > 0 ? " · " : "",
                            _("shared with the other councils"));
  {
    g_auto(GStrv) documents = raad_record_list_attachments (record);
    guint n_documents = g_strv_length (documents);

    if (n_documents > 0)
      {
        g_autofree char *documents_text = NULL;

        documents_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document",
                                                       "%u documents", n_documents),
                                          n_documents);
        g_string_append_printf (detail, "%s%s", detail->len > 0 ? " · " : "", documents_text);
      }
  }

  /* One grid, not nested boxes: a horizontal GtkBox measures its children's width for the
   * height it gets, which for the wrapping title and details is a binary search of Pango
   * layouts; a grid asks their width for no height, then their height for that width. */
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_set_margin_top (grid, 10);
  gtk_widget_set_margin_bottom (grid, 10);
  gtk_widget_set_margin_start (grid, entry->depth > 0 ? 40 : 12);
  gtk_widget_set_margin_end (grid, 12);

  number = new_label (number_text, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (number), 3);
  gtk_widget_add_css_class (number, "heading");
  gtk_widget_set_valign (number, GTK_ALIGN_START);
  gtk_widget_set_name (number, "number");
  time = new_label (time_text, "numeric");
  gtk_widget_add_css_class (time, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (time), 5);
  gtk_widget_set_valign (time, GTK_ALIGN_START);
  gtk_widget_set_name (time, "time");
  title = new_label (item_title, entry->depth == 0 ? "heading" : NULL);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  /* The narrowest a wrapping label gets is measured by laying it out that narrow: at no width
   * at all that is a line per character (per word for the details), each shaped anew by
   * Pango, for every row. A dozen characters is as narrow as a 360 px window needs. */
  gtk_label_set_width_chars (GTK_LABEL (title), MIN_WRAP_CHARS);
  gtk_widget_set_name (title, "title");
  gtk_widget_set_hexpand (title, TRUE);
  duration_label = new_label (minutes, "numeric");
  gtk_widget_add_css_class (duration_label, "dim-label");
  gtk_widget_set_valign (duration_label, GTK_ALIGN_START);

  gtk_grid_attach (GTK_GRID (grid), number, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), time, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), title, 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), duration_label, 3, 0, 1, 1);
  if (detail->len > 0)
    {
      details = new_label (detail->str, "dim-label");
      gtk_widget_add_css_class (details, "caption");
      gtk_label_set_wrap (GTK_LABEL (details), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (details), MIN_WRAP_CHARS);
      gtk_grid_attach (GTK_GRID (grid), details, 2, 1, 1, 1);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  g_object_set_data (G_OBJECT (row), "raad-number", number);
  g_object_set_data (G_OBJECT (row), "raad-time", time);
  g_object_set_data_full (G_OBJECT (row), "raad-item", g_object_ref (item), g_object_unref);

  g_object_set_data_full (G_OBJECT (row), "raad-detail", g_strdup (detail->str), g_free);
  set_item_row_label (row, item, entry, number_text, time_text);
  /* The hint "Enter to edit, Alt+Up or Alt+Down to move" is the list's tooltip (see
   * agenda_query_tooltip_cb): a tooltip per row cost two thirds of building the row. */
  return row;
}

static GtkWidget *
new_note_row (const char *icon_name,
              const char *text,
              GtkWidget  *suffix)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = new_label (text, NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "raad-agenda-note");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 40);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  if (suffix != NULL)
    gtk_box_append (GTK_BOX (box), suffix);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return row;
}

static void
append_action_points (RaadAgendaPage *self,
                      const char     *date)
{
  g_autoptr(GPtrArray) points = raad_agenda_open_action_points (self->store, self->council_id, date);

  for (guint i = 0; i < points->len; i++)
    {
      RaadRecord *point = points->pdata[i];
      const char *owner = lookup_member_name (self, raad_record_get_string (point, "owner-id"));
      const char *due = raad_record_get_string (point, "due");
      g_autofree char *text = NULL;
      g_autofree char *button_name = NULL;
      GtkWidget *button = gtk_button_new_with_mnemonic (_("C_lose"));

      gtk_widget_set_name (button, "close-action-point");

      /* Translators: an open action point: its text, who, by when */
      text = g_strdup_printf (_("Action point: %s (%s, due %s)"),
                              raad_record_get_string (point, "text"),
                              owner != NULL ? owner : _("nobody"), due != NULL ? due : "–");
      /* Translators: %s is the text of an action point */
      button_name = g_strdup_printf (_("Close action point “%s”"),
                                     raad_record_get_string (point, "text"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      button_name, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "agenda.close-action-point");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", raad_record_get_id (point));
      gtk_list_box_append (self->agenda_list,
                           new_note_row ("checkbox-symbolic", text, button));
    }
}

static void
append_shared_items (RaadAgendaPage *self,
                     const char     *date)
{
  g_autoptr(GPtrArray) shared = raad_agenda_shared_from_others (self->store, self->council_id, date);

  for (guint i = 0; i < shared->len; i++)
    {
      RaadRecord *item = shared->pdata[i];
      const char *decision = raad_record_get_string (item, "decision");
      g_autofree char *text = NULL;

      /* Translators: what another council shared: its name, the title, the decision */
      text = g_strdup_printf (_("From %s: %s%s%s"),
                              raad_record_get_string (item, "council-name"),
                              raad_record_get_string (item, "title"),
                              decision != NULL ? " — " : "", decision != NULL ? decision : "");
      gtk_list_box_append (self->agenda_list, new_note_row ("emblem-shared-symbolic", text, NULL));
    }
}

static GtkListBoxRow *
find_item_row (RaadAgendaPage *self,
               const char     *item_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      RaadAgendaItem *item = GTK_IS_LIST_BOX_ROW (child)
                             ? _raad_agenda_page_row_get_item (GTK_LIST_BOX_ROW (child)) : NULL;

      if (item != NULL && g_strcmp0 (raad_record_get_id (RAAD_RECORD (item)), item_id) == 0)
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

static void
focus_item (RaadAgendaPage *self,
            const char     *item_id,
            gboolean        grab)
{
  GtkListBoxRow *row = find_item_row (self, item_id);

  if (row == NULL)
    return;
  gtk_list_box_select_row (self->agenda_list, row);
  if (grab)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
refresh_agenda (RaadAgendaPage *self)
{
  g_autoptr(RaadRecord) meeting = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree RaadScheduleEntry *entries = NULL;
  g_autofree char *keep_id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *total = NULL;
  g_autoptr(GString) summary = NULL;
  RaadAgendaItem *current = current_item (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->agenda_list));
  const char *date, *start_time, *end_time, *place, *link;
  guint start = 0, planned = 0, end, sum = 0;
  gboolean has_times, has_end;

  self->stale_agenda = FALSE;
  /* This reads everything again: what the store announced is in it. */
  g_hash_table_remove_all (self->changed_items);
  if (current != NULL)
    keep_id = g_strdup (raad_record_get_id (RAAD_RECORD (current)));
  clear_list (self->agenda_list);

  if (self->store != NULL && self->meeting_id != NULL)
    meeting = raad_record_load (self->store, self->meeting_id, NULL);
  g_set_object (&self->meeting, meeting);
  if (meeting == NULL || raad_record_get_deleted (meeting)
      || g_strcmp0 (raad_record_get_string (meeting, "council_id"), self->council_id) != 0)
    {
      g_clear_object (&self->meeting);
      g_clear_pointer (&self->meeting_id, g_free);
      gtk_label_set_text (self->meeting_title, "");
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      update_actions (self);
      return;
    }

  date = raad_record_get_string (meeting, "date");
  start_time = raad_record_get_string (meeting, "start_time");
  end_time = raad_record_get_string (meeting, "end_time");
  place = raad_record_get_string (meeting, "place");
  link = raad_record_get_string (meeting, "online_link");
  title = format_date (date);
  gtk_label_set_text (self->meeting_title, title);

  summary = g_string_new (NULL);
  if (start_time != NULL)
    g_string_append_printf (summary, end_time != NULL ? "%s–%s" : "%s", start_time, end_time);
  if (place != NULL)
    g_string_append_printf (summary, "%s%s", summary->len > 0 ? " · " : "", place);
  if (link != NULL)
    g_string_append_printf (summary, "%s%s", summary->len > 0 ? " · " : "", link);
  {
    const char * const *guests = raad_record_get_strv (meeting, "guests");

    if (guests != NULL && guests[0] != NULL)
      {
        g_autofree char *joined = g_strjoinv (", ", (char **) guests);

        g_string_append_c (summary, '\n');
        /* Translators: %s lists the guests of a meeting */
        g_string_append_printf (summary, _("Guests: %s"), joined);
      }
  }
  gtk_label_set_text (self->meeting_summary, summary->str);
  gtk_widget_set_visible (GTK_WIDGET (self->meeting_summary), summary->len > 0);

  items = raad_agenda_list_items (self->store, self->meeting_id);
  entries = g_new0 (RaadScheduleEntry, MAX (items->len, 1));
  for (guint i = 0; i < items->len; i++)
    {
      guint duration = 0;

      g_object_get (items->pdata[i], "duration", &duration, NULL);
      entries[i].depth = raad_record_get_string (items->pdata[i], "parent-id") != NULL ? 1 : 0;
      entries[i].duration = duration;
    }
  has_times = start_time != NULL && raad_schedule_parse_time (start_time, &start);
  end = raad_schedule_compute (entries, items->len, start);
  has_end = has_times && end_time != NULL && raad_schedule_parse_time (end_time, &planned);
  if (has_end)
    planned = raad_schedule_planned_end (start, planned);

  for (guint i = 0; i < items->len; i++)
    {
      RaadAgendaItem *item = items->pdata[i];
      const char *standard = raad_record_get_string (RAAD_RECORD (item), "standard");

      gtk_list_box_append (self->agenda_list, new_item_row (self, item, &entries[i], has_times));
      if (g_strcmp0 (standard, "minutes") == 0)
        append_action_points (self, date);
      else if (g_strcmp0 (standard, "exchange") == 0)
        append_shared_items (self, date);
    }
  sum = end - start;

  if (has_times)
    {
      g_autofree char *until = raad_schedule_format_time (end);

      /* Translators: the total of an agenda: minutes, then the time it ends */
      total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total %u minute, until %s",
                                            "Total %u minutes, until %s", sum), sum, until);
    }
  else
    total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total %u minute", "Total %u minutes",
                                          sum), sum);
  gtk_label_set_text (self->total_label, total);

  if (has_end && end > planned)
    {
      g_autofree char *until = raad_schedule_format_time (end);
      g_autofree char *planned_text = raad_schedule_format_time (planned);
      g_autofree char *warning = NULL;

      /* Translators: the end the agenda reaches, minutes past the planned end, the planned end */
      warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The agenda runs until %s, %u minute past the planned end (%s).",
                                              "The agenda runs until %s, %u minutes past the planned end (%s).",
                                              end - planned),
                                 until, end - planned, planned_text);
      gtk_label_set_text (self->overrun_label, warning);
      gtk_widget_set_visible (self->overrun_box, TRUE);
    }
  else
    gtk_widget_set_visible (self->overrun_box, FALSE);

  setup_drag_and_drop (GTK_WIDGET (self->agenda_list));
  gtk_stack_set_visible_child_name (self->content_stack, "builder");
  if (keep_id != NULL)
    focus_item (self, keep_id, had_focus);
  update_actions (self);
}

static int
compare_row_positions (GtkListBoxRow *a,
                       GtkListBoxRow *b,
                       gpointer       data)
{
  guint pa = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (a), "raad-position"));
  guint pb = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (b), "raad-position"));

  return pa < pb ? -1 : pa > pb;
}

/* After a move, puts the existing rows in the items' new order and renumbers them, instead of
 * building them again. The order comes from the items the rows hold: live records, the moved
 * one with its new order key already. Returns FALSE when the rows do not match the items
 * (then rebuild). */
static gboolean
reorder_agenda (RaadAgendaPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree RaadScheduleEntry *entries = NULL;
  const char *start_time;
  guint start = 0, first = 0;
  gboolean has_times;

  if (self->store == NULL || self->meeting == NULL)
    return FALSE;
  /* The rows as they are: each item row, then the notes that follow it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      RaadAgendaItem *item;

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      item = _raad_agenda_page_row_get_item (GTK_LIST_BOX_ROW (child));
      if (item != NULL)
        {
          if (raad_record_get_deleted (RAAD_RECORD (item)))
            return FALSE;
          g_hash_table_insert (groups, (gpointer) raad_record_get_id (RAAD_RECORD (item)),
                               GUINT_TO_POINTER (rows->len + 1));
          g_ptr_array_add (items, item);
        }
      else if (rows->len == 0)
        return FALSE;
      g_ptr_array_add (rows, child);
    }
  ordered = raad_agenda_order_items (items);
  if (ordered->len != items->len)
    return FALSE;
  /* The rows in the new order. */
  for (guint i = 0; i < ordered->len; i++)
    {
      const char *id = raad_record_get_id (ordered->pdata[i]);
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (groups, id));

      if (at == 0)
        return FALSE;
      g_ptr_array_add (order, rows->pdata[at - 1]);
      for (guint j = at;
           j < rows->len && _raad_agenda_page_row_get_item (rows->pdata[j]) == NULL; j++)
        g_ptr_array_add (order, rows->pdata[j]);
    }
  if (order->len != rows->len)
    return FALSE;
  while (first < rows->len && rows->pdata[first] == order->pdata[first])
    first++;
  if (first < rows->len)
    {
      /* A sort moves the rows among their siblings: they stay in the list, with their sizes
       * measured, their selection and the focus. */
      for (guint i = 0; i < order->len; i++)
        g_object_set_data (order->pdata[i], "raad-position", GUINT_TO_POINTER (i));
      gtk_list_box_set_sort_func (self->agenda_list, compare_row_positions, NULL, NULL);
      gtk_list_box_set_sort_func (self->agenda_list, NULL, NULL, NULL);
    }

  /* Numbers and start times follow the order; depths and durations do not change. */
  entries = g_new0 (RaadScheduleEntry, MAX (ordered->len, 1));
  for (guint i = 0; i < ordered->len; i++)
    {
      guint duration = 0;

      g_object_get (ordered->pdata[i], "duration", &duration, NULL);
      entries[i].depth = raad_record_get_string (ordered->pdata[i], "parent-id") != NULL ? 1 : 0;
      entries[i].duration = duration;
    }
  start_time = raad_record_get_string (self->meeting, "start_time");
  has_times = start_time != NULL && raad_schedule_parse_time (start_time, &start);
  raad_schedule_compute (entries, ordered->len, start);
  for (guint i = first, k = 0; i < order->len; i++)
    {
      GtkWidget *row = order->pdata[i];
      GtkWidget *number = g_object_get_data (G_OBJECT (row), "raad-number");
      GtkWidget *time = g_object_get_data (G_OBJECT (row), "raad-time");
      RaadAgendaItem *item = _raad_agenda_page_row_get_item (GTK_LIST_BOX_ROW (row));
      g_autofree char *number_text = NULL;
      g_autofree char *time_text = NULL;

      if (item == NULL)
        continue;
      /* Rows before the first one that moved kept their number and time. */
      while (k < ordered->len && ordered->pdata[k] != (gpointer) item)
        k++;
      if (k == ordered->len)
        return FALSE;
      number_text = raad_schedule_format_number (entries[k].number);
      time_text = has_times ? raad_schedule_format_time (entries[k].start) : g_strdup ("");
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (number)), number_text) == 0
          && g_strcmp0 (gtk_label_get_text (GTK_LABEL (time)), time_text) == 0)
        continue;
      gtk_label_set_text (GTK_LABEL (number), number_text);
      gtk_label_set_text (GTK_LABEL (time), time_text);
      set_item_row_label (row, item, &entries[k], number_text, time_text);
    }
  update_actions (self);
  return TRUE;
}

static void
refresh_all (RaadAgendaPage *self)
{
  refresh_meetings (self);
  refresh_requests (self);
  refresh_agenda (self);
  update_actions (self);
}

/* Whether one of the agenda items the store announced is, or was, one of the open meeting's:
 * a row shows it, or it is among the meeting's items now (one query for the ids, however
 * many changed). */
static gboolean
changed_items_concern_agenda (RaadAgendaPage *self)
{
  g_autoptr(RaadQuery) query = NULL;
  g_autoptr(RaadRecordList) items = NULL;
  guint n;

  if (g_hash_table_size (self->changed_items) == 0 || self->meeting_id == NULL)
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      RaadAgendaItem *item = GTK_IS_LIST_BOX_ROW (child)
                             ? _raad_agenda_page_row_get_item (GTK_LIST_BOX_ROW (child)) : NULL;

      if (item != NULL
          && g_hash_table_contains (self->changed_items, raad_record_get_id (RAAD_RECORD (item))))
        return TRUE;
    }
  /* New here (written elsewhere, or moved from another meeting). */
  query = raad_query_new ("agenda_item");
  raad_query_where_equals (query, "meeting_id", self->meeting_id);
  items = raad_record_list_new (self->store, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (items));
  for (guint i = 0; i < n; i++)
    if (g_hash_table_contains (self->changed_items, raad_record_list_get_id (items, i)))
      return TRUE;
  return FALSE;
}

static gboolean
refresh_idle_cb (gpointer data)
{
  RaadAgendaPage *self = data;

  self->refresh_idle_id = 0;
  if (!self->stale_agenda && changed_items_concern_agenda (self))
    self->stale_agenda = TRUE;
  g_hash_table_remove_all (self->changed_items);
  if (self->stale_meetings)
    refresh_meetings (self);
  if (self->stale_requests)
    refresh_requests (self);
  if (self->stale_agenda)
    refresh_agenda (self);
  update_actions (self);
  return G_SOURCE_REMOVE;
}

/* Callbacks */

static void
store_changed_cb (RaadAgendaPage *self,
                  GStrv           types,
                  GStrv           ids)
{
  gboolean open = self->meeting_id != NULL;
  gboolean items_changed = FALSE;

  if (types == NULL)
    {
      self->stale_meetings = self->stale_requests = TRUE;
      self->stale_agenda = open;
      g_hash_table_remove_all (self->member_names);
    }
  for (guint i = 0; types != NULL && types[i] != NULL; i++)
    {
      const char *type = types[i];

      if (g_str_equal (type, "meeting"))
        {
          self->stale_meetings = TRUE;
          /* The open meeting's title and times head the agenda. */
          if (open && ids != NULL && g_strv_contains ((const char * const *) ids, self->meeting_id))
            self->stale_agenda = TRUE;
        }
      else if (g_str_equal (type, "request"))
        self->stale_requests = TRUE;
      else if (g_str_equal (type, "member"))
        {
          /* Presenters, owners and askers are shown by name. */
          g_hash_table_remove_all (self->member_names);
          self->stale_requests = TRUE;
          self->stale_agenda |= open;
        }
      else if (g_str_equal (type, "action_point") || g_str_equal (type, "shared_item"))
        self->stale_agenda |= open;
      else if (g_str_equal (type, "agenda_item"))
        items_changed = open;
    }
  /* Which of them concern the open meeting is for the idle to find out, once for all the
   * signals until then: a sync announces hundreds, in several signals. The ids of other
   * types come along; they match no agenda item. */
  if (items_changed && !self->stale_agenda)
    for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
      g_hash_table_add (self->changed_items, g_strdup (ids[i]));
  if ((self->stale_meetings || self->stale_requests || self->stale_agenda
       || g_hash_table_size (self->changed_items) > 0)
      && self->refresh_idle_id == 0)
    self->refresh_idle_id = g_idle_add (refresh_idle_cb, self);
}

static void
council_changed_cb (RaadAgendaPage *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "current-council");

  if (g_strcmp0 (id, self->council_id) == 0)
    return;
  g_free (self->council_id);
  self->council_id = *id != '\0' ? g_steal_pointer (&id) : NULL;
  g_clear_pointer (&self->meeting_id, g_free);
  refresh_all (self);
}

static void
meeting_row_activated_cb (RaadAgendaPage *self,
                          GtkListBoxRow  *row)
{
  raad_agenda_page_open_meeting (self, g_object_get_data (G_OBJECT (row), "raad-meeting-id"));
  adw_leaflet_set_visible_child_name (self->leaflet, "builder");
}

static void
agenda_row_activated_cb (RaadAgendaPage *self,
                         GtkListBoxRow  *row)
{
  RaadAgendaItem *item = _raad_agenda_page_row_get_item (row);

  if (item != NULL)
    gtk_window_present (raad_agenda_item_editor_new (self, item));
}

static void
request_row_activated_cb (RaadAgendaPage *self,
                          GtkListBoxRow  *row)
{
  RaadRequest *request = _raad_agenda_page_row_get_request (row);

  if (request != NULL)
    gtk_window_present (raad_agenda_request_editor_new (self, request));
}

/* One tooltip for all item rows, asked when the pointer rests on one. */
static gboolean
agenda_query_tooltip_cb (GtkWidget  *list,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip)
{
  GtkListBoxRow *row = NULL;

  if (keyboard)
    {
      GtkWidget *focus = gtk_widget_get_focus_child (list);

      row = GTK_IS_LIST_BOX_ROW (focus) ? GTK_LIST_BOX_ROW (focus) : NULL;
    }
  else
    row = gtk_list_box_get_row_at_y (GTK_LIST_BOX (list), y);
  if (row == NULL || _raad_agenda_page_row_get_item (row) == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, _("Enter to edit, Alt+Up or Alt+Down to move"));
  return TRUE;
}

static void
agenda_row_selected_cb (RaadAgendaPage *self)
{
  update_actions (self);
}

static void
back_clicked_cb (RaadAgendaPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Drag and drop: an item dropped on a sibling goes before it. */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListBoxRow *row)
{
  RaadAgendaItem *item = _raad_agenda_page_row_get_item (row);

  return gdk_content_provider_new_typed (G_TYPE_STRING, raad_record_get_id (RAAD_RECORD (item)));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkListBoxRow *row)
{
  RaadAgendaPage *self = RAAD_AGENDA_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row),
                                                                    RAAD_TYPE_AGENDA_PAGE));
  RaadAgendaItem *before = _raad_agenda_page_row_get_item (row);
  g_autoptr(RaadRecord) dragged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self == NULL || before == NULL)
    return FALSE;
  dragged = raad_record_load (self->store, g_value_get_string (value), NULL);
  if (dragged == NULL || !RAAD_IS_AGENDA_ITEM (dragged) || dragged == RAAD_RECORD (before)
      || g_strcmp0 (raad_record_get_string (dragged, "parent-id"),
                    raad_record_get_string (RAAD_RECORD (before), "parent-id")) != 0)
    return FALSE;
  if (!raad_agenda_move_item_before (RAAD_AGENDA_ITEM (dragged), before, &error))
    {
      if (error != NULL)
        g_warning ("Could not move the item: %s", error->message);
      return FALSE;
    }
  id = g_strdup (raad_record_get_id (dragged));
  g_hash_table_remove (self->changed_items, id);
  if (!reorder_agenda (self))
    refresh_agenda (self);
  focus_item (self, id, TRUE);
  return TRUE;
}

static void
setup_drag_and_drop (GtkWidget *list)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDragSource *source;
      GtkDropTarget *target;

      if (!GTK_IS_LIST_BOX_ROW (child) || _raad_agenda_page_row_get_item (GTK_LIST_BOX_ROW (child)) == NULL
          || g_object_get_data (G_OBJECT (child), "raad-dnd") != NULL)
        continue;
      source = gtk_drag_source_new ();
      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), child);
      gtk_widget_add_controller (child, GTK_EVENT_CONTROLLER (source));
      target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
      g_signal_connect (target, "drop", G_CALLBACK (drop_cb), child);
      gtk_widget_add_controller (child, GTK_EVENT_CONTROLLER (target));
      g_object_set_data (G_OBJECT (child), "raad-dnd", GINT_TO_POINTER (1));
    }
}

/* Actions */

static void
new_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_window_present (raad_agenda_meeting_dialog_new (RAAD_AGENDA_PAGE (widget)));
}

static void
new_request_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_window_present (raad_agenda_request_dialog_new (RAAD_AGENDA_PAGE (widget)));
}

static void
edit_request_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RaadAgendaPage *self = RAAD_AGENDA_PAGE (widget);
  g_autoptr(RaadRecord) request = raad_record_load (self->store,
                                                    g_variant_get_string (parameter, NULL), NULL);

  if (request != NULL && RAAD_IS_REQUEST (request) && !raad_record_get_deleted (request))
    gtk_window_present (raad_agenda_request_editor_new (self, RAAD_REQUEST (request)));
}

static void
meeting_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RaadAgendaPage *self = RAAD_AGENDA_PAGE (widget);
  g_autoptr(RaadRecord) meeting = NULL;

  if (self->meeting_id == NULL
      || (meeting = raad_record_load (self->store, self->meeting_id, NULL)) == NULL
      || !RAAD_IS_MEETING (meeting))
    return;
  if (g_str_equal (action_name, "agenda.delete-meeting"))
    _raad_agenda_page_delete_meeting (self, RAAD_MEETING (meeting));
  else
    gtk_window_present (raad_agenda_meeting_editor_new (self, RAAD_MEETING (meeting)));
}

static void
undo_delete_meeting (RaadAgendaPage *self)
{
  g_autoptr(GPtrArray) removed = g_steal_pointer (&self->removed_meeting);
  g_autoptr(GError) error = NULL;

  if (removed == NULL || removed->len == 0)
    return;
  if (!raad_record_undelete_all (removed, &error))
    {
      g_warning ("Could not restore the meeting: %s", error->message);
      return;
    }
  raad_agenda_page_open_meeting (self, raad_record_get_id (removed->pdata[0]));
  refresh_all (self);
}

static void
add_item (RaadAgendaPage *self,
          gboolean        sub)
{
  RaadAgendaItem *parent = sub ? current_item (self) : NULL;
  g_autoptr(RaadRecord) meeting = raad_record_load (self->store, self->meeting_id, NULL);
  g_autoptr(RaadAgendaItem) item = NULL;
  g_autoptr(RaadRecord) top = NULL;
  g_autoptr(GError) error = NULL;

  if (meeting == NULL || (sub && parent == NULL))
    return;
  /* Sub-items are one level deep: a sub-item's sub-item goes under its item. */
  if (parent != NULL && raad_record_get_string (RAAD_RECORD (parent), "parent-id") != NULL)
    {
      top = raad_record_load (self->store,
                              raad_record_get_string (RAAD_RECORD (parent), "parent-id"), NULL);
      parent = top != NULL ? RAAD_AGENDA_ITEM (top) : NULL;
    }
  item = raad_agenda_add_item (self->store, RAAD_MEETING (meeting), parent,
                               sub ? _("New sub-item") : _("New item"), &error);
  if (item == NULL)
    {
      g_autoptr(AdwToast) toast = adw_toast_new (_("Could not add the item"));

      g_warning ("Could not add an agenda item: %s", error->message);
      _raad_agenda_page_show_toast (self, toast);
      return;
    }
  g_object_set (item, "kind", "subject", "duration", 15, NULL);
  if (!raad_record_save (RAAD_RECORD (item), &error))
    g_warning ("Could not save the new item: %s", error->message);
  refresh_agenda (self);
  focus_item (self, raad_record_get_id (RAAD_RECORD (item)), TRUE);
  gtk_window_present (raad_agenda_item_editor_new (self, item));
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  add_item (RAAD_AGENDA_PAGE (widget), FALSE);
}

static void
add_sub_item_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  add_item (RAAD_AGENDA_PAGE (widget), TRUE);
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RaadAgendaPage *self = RAAD_AGENDA_PAGE (widget);
  RaadAgendaItem *item = current_item (self);

  if (item != NULL)
    gtk_window_present (raad_agenda_item_editor_new (self, item));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RaadAgendaPage *self = RAAD_AGENDA_PAGE (widget);
  RaadAgendaItem *item = current_item (self);
  g_autoptr(RaadAgendaItem) moved = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int direction = g_str_equal (action_name, "agenda.move-up") ? -1 : 1;

  if (item == NULL)
    return;
  moved = g_object_ref (item);
  /* Among the items the rows hold (live records): the store is written, not read. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      RaadAgendaItem *row_item = GTK_IS_LIST_BOX_ROW (child)
                                 ? _raad_agenda_page_row_get_item (GTK_LIST_BOX_ROW (child)) : NULL;

      if (row_item != NULL)
        g_ptr_array_add (items, row_item);
    }
  if (!raad_agenda_move_item_among (moved, items, direction, &error))
    {
      if (error != NULL)
        g_warning ("Could not move the item: %s", error->message);
      gtk_widget_error_bell (widget);
      return;
    }
  /* The store announced the moved item: the rows show it already. */
  g_hash_table_remove (self->changed_items, raad_record_get_id (RAAD_RECORD (moved)));
  if (!reorder_agenda (self))
    refresh_agenda (self);
  focus_item (self, raad_record_get_id (RAAD_RECORD (moved)), TRUE);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RaadAgendaPage *self = RAAD_AGENDA_PAGE (widget);
  RaadAgendaItem *item = current_item (self);

  if (item != NULL)
    _raad_agenda_page_remove_item (self, item);
}

static void
undo_remove (RaadAgendaPage *self)
{
  g_autoptr(GPtrArray) removed = g_steal_pointer (&self->removed);
  g_autoptr(GError) error = NULL;

  if (removed == NULL || removed->len == 0)
    return;
  if (!raad_record_undelete_all (removed, &error))
    {
      g_warning ("Could not restore the item: %s", error->message);
      return;
    }
  refresh_agenda (self);
  focus_item (self, raad_record_get_id (removed->pdata[0]), TRUE);
}

static void
close_action_point_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RaadAgendaPage *self = RAAD_AGENDA_PAGE (widget);
  g_autoptr(RaadRecord) point = raad_record_load (self->store,
                                                  g_variant_get_string (parameter, NULL), NULL);
  g_autofree char *today = raad_date_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;

  if (point == NULL)
    return;
  g_object_set (point, "done", today, NULL);
  if (!raad_record_save (point, &error))
    {
      g_warning ("Could not close the action point: %s", error->message);
      toast = adw_toast_new (_("Could not close the action point"));
    }
  else
    toast = adw_toast_new (_("Action point closed"));
  _raad_agenda_page_show_toast (self, toast);
  refresh_agenda (self);
}

static void
put_on_agenda_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RaadAgendaPage *self = RAAD_AGENDA_PAGE (widget);
  g_autoptr(RaadRecord) request = raad_record_load (self->store,
                                                    g_variant_get_string (parameter, NULL), NULL);
  g_autoptr(RaadRecord) meeting = NULL;
  g_autoptr(RaadAgendaItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *meeting_id = g_strdup (self->next_meeting_id);

  if (request == NULL || meeting_id == NULL
      || (meeting = raad_record_load (self->store, meeting_id, NULL)) == NULL)
    return;
  item = raad_agenda_add_request (self->store, RAAD_MEETING (meeting), RAAD_REQUEST (request),
                                  &error);
  if (item == NULL)
    {
      g_warning ("Could not put the request on the agenda: %s", error->message);
      toast = adw_toast_new (_("Could not put the request on the agenda"));
      _raad_agenda_page_show_toast (self, toast);
      return;
    }
  date = format_date (raad_record_get_string (meeting, "date"));
  /* Translators: a request's subject, then a meeting's date */
  title = g_strdup_printf (_("“%s” put on the agenda of %s"),
                           raad_record_get_string (request, "subject"), date);
  toast = adw_toast_new (title);
  _raad_agenda_page_show_toast (self, toast);
  raad_agenda_page_open_meeting (self, meeting_id);
  refresh_all (self);
  focus_item (self, raad_record_get_id (RAAD_RECORD (item)), FALSE);
  adw_leaflet_set_visible_child_name (self->leaflet, "builder");
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RaadAgendaPage *self = RAAD_AGENDA_PAGE (widget);

  if (g_str_equal (action_name, "agenda.print"))
    raad_agenda_print (self);
  else if (g_str_equal (action_name, "agenda.copy-markdown"))
    raad_agenda_copy_markdown (self);
  else if (g_str_equal (action_name, "agenda.save-ics"))
    raad_agenda_export_ask (self, RAAD_AGENDA_EXPORT_ICS);
  else if (g_str_equal (action_name, "agenda.export-large-pdf"))
    raad_agenda_export_ask (self, RAAD_AGENDA_EXPORT_LARGE_PDF);
  else if (g_str_equal (action_name, "agenda.export-minutes"))
    raad_agenda_export_ask (self, RAAD_AGENDA_EXPORT_MINUTES_PDF);
  else
    raad_agenda_export_ask (self, RAAD_AGENDA_EXPORT_PDF);
}

/* GObject */

static void
raad_agenda_page_dispose (GObject *object)
{
  RaadAgendaPage *self = RAAD_AGENDA_PAGE (object);

  g_clear_handle_id (&self->refresh_idle_id, g_source_remove);
  if (self->agenda_list != NULL)
    g_signal_handlers_disconnect_by_data (self->agenda_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_AGENDA_PAGE);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->last_toast);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->removed, g_ptr_array_unref);
  g_clear_pointer (&self->removed_meeting, g_ptr_array_unref);

  G_OBJECT_CLASS (raad_agenda_page_parent_class)->dispose (object);
}

static void
raad_agenda_page_finalize (GObject *object)
{
  RaadAgendaPage *self = RAAD_AGENDA_PAGE (object);

  g_free (self->council_id);
  g_free (self->meeting_id);
  g_free (self->next_meeting_id);
  g_hash_table_unref (self->member_names);
  g_hash_table_unref (self->changed_items);

  G_OBJECT_CLASS (raad_agenda_page_parent_class)->finalize (object);
}

static void
raad_agenda_page_class_init (RaadAgendaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raad_agenda_page_dispose;
  object_class->finalize = raad_agenda_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/raadswerk/Raadswerk/agenda/raad-agenda-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RaadAgendaPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RaadAgendaPage, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, RaadAgendaPage, past_list);
  gtk_widget_class_bind_template_child (widget_class, RaadAgendaPage, request_list);
  gtk_widget_class_bind_template_child (widget_class, RaadAgendaPage, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, RaadAgendaPage, meeting_title);
  gtk_widget_class_bind_template_child (widget_class, RaadAgendaPage, meeting_summary);
  gtk_widget_class_bind_template_child (widget_class, RaadAgendaPage, overrun_box);
  gtk_widget_class_bind_template_child (widget_class, RaadAgendaPage, overrun_label);
  gtk_widget_class_bind_template_child (widget_class, RaadAgendaPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, RaadAgendaPage, content_stack);
  gtk_widget_class_bind_template_callback (widget_class, meeting_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, agenda_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, request_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "agenda.new-meeting", NULL, new_meeting_action);
  gtk_widget_class_install_action (widget_class, "agenda.new-request", NULL, new_request_action);
  gtk_widget_class_install_action (widget_class, "agenda.edit-request", "s", edit_request_action);
  gtk_widget_class_install_action (widget_class, "agenda.edit-meeting", NULL, meeting_action);
  gtk_widget_class_install_action (widget_class, "agenda.delete-meeting", NULL, meeting_action);
  gtk_widget_class_install_action (widget_class, "agenda.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "agenda.add-sub-item", NULL, add_sub_item_action);
  gtk_widget_class_install_action (widget_class, "agenda.edit-item", NULL, edit_item_action);
  gtk_widget_class_install_action (widget_class, "agenda.remove-item", NULL, remove_item_action);
  gtk_widget_class_install_action (widget_class, "agenda.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "agenda.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "agenda.close-action-point", "s",
                                   close_action_point_action);
  gtk_widget_class_install_action (widget_class, "agenda.put-on-agenda", "s",
                                   put_on_agenda_action);
  gtk_widget_class_install_action (widget_class, "agenda.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "agenda.export-large-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "agenda.export-minutes", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "agenda.print", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "agenda.copy-markdown", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "agenda.save-ics", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "agenda.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "agenda.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "agenda.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "agenda.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "agenda.remove-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "agenda.add-item", NULL);
}

static void
raad_agenda_page_init (RaadAgendaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  raad_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
  self->member_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->changed_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_list_box_set_placeholder (self->upcoming_list, new_placeholder (_("No meetings planned")));
  gtk_list_box_set_placeholder (self->past_list, new_placeholder (_("No past meetings")));
  gtk_list_box_set_placeholder (self->request_list, new_placeholder (_("No requests")));
  gtk_list_box_set_selection_mode (self->agenda_list, GTK_SELECTION_SINGLE);
  g_signal_connect_swapped (self->agenda_list, "selected-rows-changed",
                            G_CALLBACK (agenda_row_selected_cb), self);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->agenda_list), TRUE);
  g_signal_connect (self->agenda_list, "query-tooltip", G_CALLBACK (agenda_query_tooltip_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->agenda_list),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Enter to edit, Alt+Up or Alt+Down to move"), -1);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::current-council",
                           G_CALLBACK (council_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/* Public API */

void
raad_agenda_page_set_store (RaadAgendaPage *self,
                            RaadStore      *store)
{
  g_return_if_fail (RAAD_IS_AGENDA_PAGE (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  g_clear_pointer (&self->council_id, g_free);
  council_changed_cb (self);
  refresh_all (self);
}

RaadStore *
raad_agenda_page_get_store (RaadAgendaPage *self)
{
  return self->store;
}

const char *
raad_agenda_page_get_council_id (RaadAgendaPage *self)
{
  return self->council_id;
}

void
raad_agenda_page_open_meeting (RaadAgendaPage *self,
                               const char     *meeting_id)
{
  g_return_if_fail (RAAD_IS_AGENDA_PAGE (self));

  g_free (self->meeting_id);
  self->meeting_id = g_strdup (meeting_id);
  refresh_agenda (self);
  update_meeting_highlight (self);
  if (meeting_id != NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, "builder");
}

const char *
raad_agenda_page_get_meeting_id (RaadAgendaPage *self)
{
  return self->meeting_id;
}

/* Private API */

gboolean
_raad_agenda_page_export_to (RaadAgendaPage   *self,
                             RaadAgendaExport  what,
                             const char       *path,
                             GError          **error)
{
  g_return_val_if_fail (self->meeting_id != NULL, FALSE);

  return raad_agenda_export_write (self->store, self->meeting_id, what, path, error);
}

GtkListBox *
_raad_agenda_page_get_agenda_list (RaadAgendaPage *self)
{
  return self->agenda_list;
}

RaadAgendaItem *
_raad_agenda_page_row_get_item (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "raad-item");
}

GtkListBox *
_raad_agenda_page_get_request_list (RaadAgendaPage *self)
{
  return self->request_list;
}

RaadRequest *
_raad_agenda_page_row_get_request (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "raad-request");
}

AdwToast *
_raad_agenda_page_get_last_toast (RaadAgendaPage *self)
{
  return self->last_toast;
}

void
_raad_agenda_page_show_toast (RaadAgendaPage *self,
                              AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_set_object (&self->last_toast, toast);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
}

void
_raad_agenda_page_refresh (RaadAgendaPage *self)
{
  refresh_all (self);
}

void
_raad_agenda_page_remove_item (RaadAgendaPage *self,
                               RaadAgendaItem *item)
{
  const char *item_id = raad_record_get_id (RAAD_RECORD (item));
  g_autoptr(GPtrArray) items = raad_agenda_list_items (self->store, self->meeting_id);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;
  g_autofree char *next_id = NULL;

  /* The item and its sub-items, in one transaction. */
  for (guint i = 0; i < items->len; i++)
    {
      RaadRecord *record = items->pdata[i];

      if (record == RAAD_RECORD (item)
          || g_strcmp0 (raad_record_get_string (record, "parent-id"), item_id) == 0)
        g_ptr_array_add (removed, g_object_ref (record));
      else if (removed->len > 0 && next_id == NULL)
        next_id = g_strdup (raad_record_get_id (record));
    }
  if (!raad_record_delete_all (removed, &error))
    goto fail;

  g_clear_pointer (&self->removed, g_ptr_array_unref);
  self->removed = g_steal_pointer (&removed);
  /* Translators: %s is the title of an agenda item */
  title = g_strdup_printf (_("“%s” removed"), raad_record_get_string (RAAD_RECORD (item), "title"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* The toast lives in the window's overlay, outside the page's actions. */
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove), self,
                           G_CONNECT_SWAPPED);
  _raad_agenda_page_show_toast (self, toast);
  refresh_agenda (self);
  if (next_id != NULL)
    focus_item (self, next_id, TRUE);
  return;

fail:
  g_warning ("Could not remove the agenda item: %s", error->message);
  toast = adw_toast_new (_("Could not remove the agenda item"));
  _raad_agenda_page_show_toast (self, toast);
}

void
_raad_agenda_page_delete_meeting (RaadAgendaPage *self,
                                  RaadMeeting    *meeting)
{
  const char *meeting_id = raad_record_get_id (RAAD_RECORD (meeting));
  g_autoptr(GPtrArray) items = raad_agenda_list_items (self->store, meeting_id);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RaadQuery) query = raad_query_new ("action_point");
  g_autoptr(RaadRecordList) points = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;

  /* The meeting first (Undo opens it again), then its items and the action points made there. */
  g_ptr_array_add (removed, g_object_ref (meeting));
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (removed, g_object_ref (items->pdata[i]));
  raad_query_where_equals (query, "meeting_id", meeting_id);
  points = raad_record_list_new (self->store, query);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (points)); i++)
    g_ptr_array_add (removed, g_list_model_get_item (G_LIST_MODEL (points), i));

  if (!raad_record_delete_all (removed, &error))
    goto fail;

  g_clear_pointer (&self->removed_meeting, g_ptr_array_unref);
  self->removed_meeting = g_steal_pointer (&removed);
  date = format_date (raad_record_get_string (RAAD_RECORD (meeting), "date"));
  /* Translators: %s is the date of a meeting */
  title = g_strdup_printf (_("Meeting of %s deleted"), date);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_meeting), self,
                           G_CONNECT_SWAPPED);
  _raad_agenda_page_show_toast (self, toast);
  if (g_strcmp0 (self->meeting_id, meeting_id) == 0)
    {
      g_clear_pointer (&self->meeting_id, g_free);
      adw_leaflet_set_visible_child_name (self->leaflet, "list");
    }
  refresh_all (self);
  return;

fail:
  g_warning ("Could not delete the meeting: %s", error->message);
  toast = adw_toast_new (_("Could not delete the meeting"));
  _raad_agenda_page_show_toast (self, toast);
}
