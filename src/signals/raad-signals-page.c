/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-signals-page.c: the constituency (achterban): signals, followed to the agenda and back, themes over time */
#define G_LOG_DOMAIN "raad-signals-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "raad-a11y.h"
#include "raad-agenda-outline.h"
#include "raad-form.h"
#include "raad-signals.h"
#include "raad-signals-page.h"
#include "raad-signals-page-private.h"
#include "raad-signals-report-dialog.h"
#include "raad-theme-chart.h"

/* A council has tens to thousands of signals: the list is a GtkListView whose items are
 * positions (see update_slots) over one RaadRecordList of signal ids (overdue first, then
 * newest, ordered in SQL through an index), so rows are made and filled near the view only.
 * After a change the ids are read again; a row whose position now holds another signal is
 * refilled (at once in view, in idles out of view), the others are left alone, and a row
 * follows its signal's edits by itself (notify::rev). Changes that arrive through the store's
 * "changed" signal are refreshed in one idle; the page's own writes refresh at once and drop
 * that idle, so each write costs one refresh. Beside it (below it on a narrow window) one
 * form serves both to log a new signal, which must take under a minute (date today, raised
 * by a group, feedback due in six weeks), and to edit an open one; under the form the
 * follow-up steps: on the next agenda, handled, feedback given. A store change refreshes the
 * follow-up part of the open signal but never the fields someone may be typing in. */

struct _RaadSignalsPage
{
  GtkWidget      parent_instance;

  RaadStore     *store;
  GSettings     *settings;
  char          *council_id;
  char          *today;           /* pinned by tests, else NULL */
  RaadSignal    *signal;          /* open in the form; NULL while logging a new one */
  RaadSignal    *removed;         /* the last deleted signal, for Undo */
  RaadSignal    *put_on;          /* the signal last put on an agenda, for Undo */
  AdwToast      *last_toast;
  GtkWindow     *last_dialog;
  guint          refresh_idle_id;
  gboolean       updating_filters;
  RaadRecordList *signals;        /* the filtered signals, in order */
  GListStore    *slots;           /* the list view's items: one plain object per position */
  GPtrArray     *pending_rows;    /* rows out of view still to show their new signal */
  guint          pending_id;

  AdwLeaflet    *leaflet;
  GtkBox        *filter_box;
  GtkStack      *view_stack;
  GtkBox        *chart_slot;
  GtkLabel      *summary_label;
  GtkLabel      *empty_label;
  GtkWidget     *list_scroller;
  GtkListView   *signal_list;
  GtkLabel      *detail_title;
  GtkScrolledWindow *detail_scroller;
  AdwPreferencesGroup *signal_group;
  AdwPreferencesGroup *feedback_owed_group;
  AdwPreferencesGroup *agenda_group;
  AdwPreferencesGroup *handled_group;
  AdwPreferencesGroup *feedback_group;
  GtkLabel      *error_label;
  GtkWidget     *follow_box;

  RaadThemeChart *chart;
  GtkDropDown   *location_filter;
  GtkDropDown   *theme_filter;

  GtkWidget     *received_row;
  GtkWidget     *source_row;
  GtkWidget     *location_entry;
  GtkWidget     *theme_entry;
  GtkWidget     *text_row;
  GtkWidget     *raised_kind_row;
  GtkWidget     *raised_by_row;
  GtkWidget     *feedback_switch;
  GtkWidget     *feedback_due_row;
  GtkWidget     *status_row;
  GtkWidget     *handled_date_row;
  GtkWidget     *outcome_row;
  GtkWidget     *feedback_date_row;
  GtkWidget     *feedback_how_row;
  GtkWidget     *feedback_hint;
};

G_DEFINE_FINAL_TYPE (RaadSignalsPage, raad_signals_page, GTK_TYPE_WIDGET)

static void refresh_all (RaadSignalsPage *self);
static void refresh_now (RaadSignalsPage *self);

/* Helpers */

static char *
today_string (RaadSignalsPage *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->today != NULL)
    return g_strdup (self->today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
format_date (const char *date)
{
  /* Translators: a date, g_date_time_format: "3 December 2026" */
  char *text = date != NULL ? raad_agenda_format_date (date, _("%-d %B %Y")) : NULL;

  return text != NULL ? text : g_strdup (date != NULL ? date : "–");
}

static void
set_text (GtkWidget  *editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

/* Names @widget for a screen reader with @label alone: GTK 4.8 would add the names of the
 * widgets it is labelled by (a row's title) to it ("Location Location"). An entry row is
 * named through the text it delegates to. */
static void
set_label (GtkWidget  *widget,
           const char *label)
{
  if (ADW_IS_ENTRY_ROW (widget))
    widget = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (widget)));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Sets an entry's text without completing it: it is not the user typing. */
static void
set_entry_text (GtkWidget  *entry,
                const char *text)
{
  GtkEntryCompletion *completion = gtk_entry_get_completion (GTK_ENTRY (entry));
  g_autoptr(GtkTreeModel) model = NULL;

  if (completion != NULL)
    {
      model = g_object_ref (gtk_entry_completion_get_model (completion));
      gtk_entry_completion_set_model (completion, NULL);
    }
  set_text (entry, text);
  if (completion != NULL)
    gtk_entry_completion_set_model (completion, model);
}

static GtkWidget *
add_entry_row (AdwPreferencesGroup *group,
               const char          *name,
               const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  set_label (row, title);
  adw_preferences_group_add (group, row);
  return row;
}

static GtkWidget *
add_combo_row (AdwPreferencesGroup *group,
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
  set_label (row, title);
  adw_preferences_group_add (group, row);
  return row;
}

/* A row with a plain entry, for the completion of earlier values. */
static GtkWidget *
add_completing_row (AdwPreferencesGroup *group,
                    const char          *name,
                    const char          *title,
                    const char          *placeholder)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkEntryCompletion *completion = gtk_entry_completion_new ();
  GtkListStore *store = gtk_list_store_new (1, G_TYPE_STRING);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (entry, name);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (store));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  /* Inline only: a popup under an entry in a scrolled form gets in the way (and GTK 4.8
   * places it badly once the entry scrolls away). */
  gtk_entry_completion_set_inline_completion (completion, TRUE);
  gtk_entry_completion_set_popup_completion (completion, FALSE);
  gtk_entry_set_completion (GTK_ENTRY (entry), completion);
  g_object_unref (completion);
  g_object_unref (store);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  set_label (entry, title);
  adw_preferences_group_add (group, row);
  return entry;
}

static void
set_completions (GtkWidget  *entry,
                 const char * const *values)
{
  GtkEntryCompletion *completion = gtk_entry_get_completion (GTK_ENTRY (entry));
  GtkListStore *store = GTK_LIST_STORE (gtk_entry_completion_get_model (completion));

  gtk_list_store_clear (store);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    gtk_list_store_insert_with_values (store, NULL, -1, 0, values[i], -1);
}

static GtkWidget *
new_button (const char *mnemonic,
            const char *accessible,
            const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  set_label (button, accessible);
  return button;
}

static void
show_toast (RaadSignalsPage *self,
            AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_set_object (&self->last_toast, toast);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
}

static void
show_error (RaadSignalsPage *self,
            const char      *what,
            GError          *error)
{
  g_autoptr(AdwToast) toast = adw_toast_new (error->message);

  g_debug ("%s: %s", what, error->message);
  adw_toast_set_timeout (toast, 8);
  show_toast (self, toast);
}

static const char *
selected_filter (GtkDropDown *drop_down)
{
  guint position = gtk_drop_down_get_selected (drop_down);
  GListModel *model = gtk_drop_down_get_model (drop_down);

  /* The first choice is "All …". */
  if (model == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (model), position);
}

/* Actions' enabled states, in one place. */
static void
update_actions (RaadSignalsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean ready = self->store != NULL && self->council_id != NULL;
  gboolean saved = self->signal != NULL && raad_record_is_saved (RAAD_RECORD (self->signal))
                   && !raad_record_get_deleted (RAAD_RECORD (self->signal));
  const char *status = saved ? raad_record_get_string (RAAD_RECORD (self->signal), "status") : NULL;
  gboolean gone = saved && raad_signals_agenda_item_gone (self->signal);
  gboolean on_agenda = saved && g_strcmp0 (status, "on-agenda") == 0;
  gboolean handled = g_strcmp0 (status, "handled") == 0 || g_strcmp0 (status, "feedback-given") == 0;

  gtk_widget_action_set_enabled (widget, "signals.new", ready);
  gtk_widget_action_set_enabled (widget, "signals.save", ready);
  gtk_widget_action_set_enabled (widget, "signals.put-on-agenda",
                                 saved && (g_strcmp0 (status, "new") == 0 || (on_agenda && gone)));
  gtk_widget_action_set_enabled (widget, "signals.take-off-agenda",
                                 saved && raad_record_get_string (RAAD_RECORD (self->signal),
                                                                  "agenda-item-id") != NULL
                                 && !handled);
  gtk_widget_action_set_enabled (widget, "signals.record-handled", saved);
  gtk_widget_action_set_enabled (widget, "signals.record-feedback", saved && handled);
  gtk_widget_action_set_enabled (widget, "signals.delete", saved);
  gtk_widget_action_set_enabled (widget, "signals.export-report", ready);
}

/* The list */

/* Fills @row (made by setup_row_cb) from @signal. Every line of a row is one label that does
 * not wrap (ellipsized): a row's height does not depend on its width, so laying out the rows
 * the list view keeps (up to 200 in GTK 4.8) measures each label once. */
static void
fill_row (RaadSignalsPage *self,
          GtkWidget       *row,
          RaadSignal      *signal,
          const char      *today)
{
  RaadRecord *record = RAAD_RECORD (signal);
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "raad-overdue-icon");
  GtkLabel *title_label = g_object_get_data (G_OBJECT (row), "raad-title");
  GtkLabel *overdue_label = g_object_get_data (G_OBJECT (row), "raad-overdue");
  GtkLabel *details_label = g_object_get_data (G_OBJECT (row), "raad-details");
  GtkLabel *text_label = g_object_get_data (G_OBJECT (row), "raad-text");
  const char *theme = raad_record_get_string (record, "theme");
  const char *location = raad_record_get_string (record, "location");
  const char *text = raad_record_get_string (record, "text");
  const char *status = raad_signals_describe_status (signal);
  g_autofree char *received = format_date (raad_record_get_string (record, "received"));
  g_autofree char *details = NULL;
  g_autofree char *words = NULL;
  g_autofree char *accessible = NULL;
  gboolean overdue = raad_signals_feedback_overdue (signal, today);

  if (overdue)
    {
      g_autofree char *due = format_date (raad_record_get_string (record, "feedback-due"));

      /* Translators: %s is a date */
      words = g_strdup_printf (_("Feedback overdue since %s"), due);
      gtk_label_set_text (overdue_label, words);
      gtk_widget_add_css_class (row, "raad-signal-overdue");
    }
  else
    gtk_widget_remove_css_class (row, "raad-signal-overdue");
  gtk_widget_set_visible (icon, overdue);
  gtk_widget_set_visible (GTK_WIDGET (overdue_label), overdue);
  /* Translators: a signal in the list: its status, location, date received and source */
  details = g_strdup_printf (_("%s · %s · %s · %s"), status, location != NULL ? location : "–",
                             received, raad_signals_source_label (raad_record_get_string (record, "source")));
  gtk_label_set_text (title_label, theme != NULL ? theme : "");
  gtk_label_set_text (details_label, details);
  gtk_label_set_text (text_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (text_label), text != NULL);
  if (self->signal != NULL && self->signal == signal)
    gtk_widget_add_css_class (row, "raad-signal-open");
  else
    gtk_widget_remove_css_class (row, "raad-signal-open");
  g_object_set_data_full (G_OBJECT (row), "raad-signal-id", g_strdup (raad_record_get_id (record)),
                          g_free);
  /* Translators: a signal for a screen reader: theme, then the rest of its row */
  accessible = g_strdup_printf (_("%s: %s"), theme != NULL ? theme : "", details);
  if (words != NULL || text != NULL)
    {
      g_autofree char *head = g_steal_pointer (&accessible);

      accessible = g_strdup_printf ("%s%s%s%s%s", head, words != NULL ? "\n" : "", words != NULL ? words : "",
                                    text != NULL ? "\n" : "", text != NULL ? text : "");
    }
  set_label (row, accessible);
}

/* The rows in view: the list view's children hold them. */
static void
foreach_row (RaadSignalsPage *self,
             void           (*func) (RaadSignalsPage *self, GtkWidget *row))
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->signal_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (row != NULL && g_object_get_data (G_OBJECT (row), "raad-position") != NULL)
        func (self, row);
    }
}

static void signal_saved_cb (GtkWidget *row);

/* Shows @signal in @row, and follows its edits. */
static void
set_row_signal (RaadSignalsPage *self,
                GtkWidget       *row,
                RaadSignal      *signal)
{
  RaadSignal *old = g_object_get_data (G_OBJECT (row), "raad-signal");

  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, signal_saved_cb, row);
  g_object_set_data (G_OBJECT (row), "raad-signal-id", NULL);
  if (signal == NULL)
    {
      g_object_set_data (G_OBJECT (row), "raad-signal", NULL);
      return;
    }
  g_object_set_data_full (G_OBJECT (row), "raad-signal", g_object_ref (signal), g_object_unref);
  g_signal_connect_object (signal, "notify::rev", G_CALLBACK (signal_saved_cb), row, G_CONNECT_SWAPPED);
  {
    g_autofree char *today = today_string (self);

    fill_row (self, row, signal, today);
  }
}

/* The signal at the row's position now; a row that shows it already is left as it is. */
static void
rebind_row (RaadSignalsPage *self,
            GtkWidget       *row)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "raad-position")) - 1;
  g_autoptr(RaadSignal) signal = NULL;
  const char *id = NULL;

  if (self->signals != NULL && position < g_list_model_get_n_items (G_LIST_MODEL (self->signals)))
    id = raad_record_list_get_id (self->signals, position);
  /* The same signal: its row follows it already (no record is built for that). */
  if (id != NULL && g_object_get_data (G_OBJECT (row), "raad-signal") != NULL
      && g_strcmp0 (id, g_object_get_data (G_OBJECT (row), "raad-signal-id")) == 0)
    return;
  if (id != NULL)
    signal = g_list_model_get_item (G_LIST_MODEL (self->signals), position);
  if (signal != g_object_get_data (G_OBJECT (row), "raad-signal"))
    set_row_signal (self, row, signal);
}

/* GTK 4.8's list view keeps up to 200 rows, most of them out of view. Those are filled a few
 * at a time in idles after a change, so that no frame lays out 200 new rows. */
#define ROWS_PER_IDLE 12

static gboolean
fill_pending_cb (gpointer data)
{
  RaadSignalsPage *self = data;

  for (guint n = 0; self->pending_rows->len > 0 && n < ROWS_PER_IDLE; n++)
    {
      g_autoptr(GtkWidget) row = g_ptr_array_steal_index (self->pending_rows, 0);

      if (g_object_get_data (G_OBJECT (row), "raad-position") != NULL)
        rebind_row (self, row);
    }
  if (self->pending_rows->len > 0)
    return G_SOURCE_CONTINUE;
  self->pending_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
row_in_view (RaadSignalsPage *self,
             GtkWidget       *row)
{
  GtkWidget *list = GTK_WIDGET (self->signal_list);
  int height = gtk_widget_get_height (list);
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (list))
    return FALSE;
  /* GTK 4.8 gives the rows out of view no size. */
  if (!gtk_widget_compute_bounds (row, list, &bounds) || bounds.size.height <= 0)
    return FALSE;
  /* The view and half a view around it. */
  return bounds.origin.y + bounds.size.height >= -height / 2 && bounds.origin.y <= height * 3 / 2;
}

static void
rebind_or_defer (RaadSignalsPage *self,
                 GtkWidget       *row)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "raad-position")) - 1;
  const char *id = NULL;

  if (row_in_view (self, row))
    {
      rebind_row (self, row);
      return;
    }
  if (self->signals != NULL && position < g_list_model_get_n_items (G_LIST_MODEL (self->signals)))
    id = raad_record_list_get_id (self->signals, position);
  if (id != NULL && g_strcmp0 (id, g_object_get_data (G_OBJECT (row), "raad-signal-id")) == 0)
    return;
  /* It no longer shows its signal; it shows the new one soon. */
  set_row_signal (self, row, NULL);
  g_ptr_array_add (self->pending_rows, g_object_ref (row));
  if (self->pending_id == 0)
    self->pending_id = g_idle_add (fill_pending_cb, self);
}

static void
refill_row (RaadSignalsPage *self,
            GtkWidget       *row)
{
  g_autofree char *today = today_string (self);
  RaadSignal *signal;

  rebind_row (self, row);
  signal = g_object_get_data (G_OBJECT (row), "raad-signal");
  if (signal != NULL)
    fill_row (self, row, signal, today);
}

static void
mark_open_row (RaadSignalsPage *self,
               GtkWidget       *row)
{
  if (self->signal != NULL && g_object_get_data (G_OBJECT (row), "raad-signal") == (gpointer) self->signal)
    gtk_widget_add_css_class (row, "raad-signal-open");
  else
    gtk_widget_remove_css_class (row, "raad-signal-open");
}

/* A signal was saved (here or elsewhere): its row, wherever it is, shows it. */
static void
signal_saved_cb (GtkWidget *row)
{
  RaadSignalsPage *self = g_object_get_data (G_OBJECT (row), "raad-page");

  refill_row (self, row);
}

static GtkWidget *
add_line (GtkWidget  *box,
          const char *name,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
setup_row_cb (RaadSignalsPage *self,
              GtkListItem     *item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label;

  gtk_widget_add_css_class (row, "raad-signal-row");
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 9);
  gtk_widget_set_margin_bottom (row, 9);
  gtk_widget_add_css_class (icon, "error");
  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  /* The row's accessible label says it all. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_widget_set_hexpand (lines, TRUE);
  gtk_box_append (GTK_BOX (row), lines);
  g_object_set_data (G_OBJECT (row), "raad-title", add_line (lines, "title", NULL));
  label = add_line (lines, "overdue", "error");
  gtk_widget_add_css_class (label, "caption");
  g_object_set_data (G_OBJECT (row), "raad-overdue", label);
  label = add_line (lines, "details", "dim-label");
  gtk_widget_add_css_class (label, "caption");
  g_object_set_data (G_OBJECT (row), "raad-details", label);
  label = add_line (lines, "text", "dim-label");
  gtk_widget_add_css_class (label, "caption");
  g_object_set_data (G_OBJECT (row), "raad-text", label);
  icon = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), icon);
  g_object_set_data (G_OBJECT (row), "raad-overdue-icon", gtk_widget_get_first_child (row));
  g_object_set_data (G_OBJECT (row), "raad-page", self);
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (RaadSignalsPage *self,
             GtkListItem     *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (row), "raad-position",
                     GUINT_TO_POINTER (gtk_list_item_get_position (item) + 1));
  rebind_row (self, row);
}

static void
unbind_row_cb (RaadSignalsPage *self,
               GtkListItem     *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  set_row_signal (self, row, NULL);
  g_object_set_data (G_OBJECT (row), "raad-position", NULL);
}

/* The list view's items are positions, not signals: when the signals change (another filter,
 * a signal added), a row keeps its place and takes the signal now there, and only a change of
 * their number reaches the list view, at the end. GTK 4.8 makes a new row for every new item
 * (up to 200 of them), which took 200 ms on a filter change; refilling the rows takes a few. */
static void
update_slots (RaadSignalsPage *self,
              guint            n)
{
  guint had = g_list_model_get_n_items (G_LIST_MODEL (self->slots));

  if (n > had)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = had; i < n; i++)
        g_ptr_array_add (added, g_object_new (G_TYPE_OBJECT, NULL));
      g_list_store_splice (self->slots, had, 0, added->pdata, added->len);
    }
  else if (n < had)
    g_list_store_splice (self->slots, n, had - n, NULL, 0);
  foreach_row (self, rebind_or_defer);
}

static void
refresh_list (RaadSignalsPage *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *today = today_string (self);
  g_autofree char *summary = NULL;
  const char *location = selected_filter (self->location_filter);
  const char *theme = selected_filter (self->theme_filter);
  guint n, n_overdue = 0;

  if (self->store == NULL || self->council_id == NULL)
    ids = g_ptr_array_new_with_free_func (g_free);
  else
    ids = raad_signals_list_ids_counted (self->store, self->council_id, location, theme, today,
                                         &n_overdue);
  n = ids->len;
  /* The ids, then the rows: each keeps its place and shows the signal now there. */
  if (self->signals != NULL)
    _raad_record_list_set_ids (self->signals, ids);
  update_slots (self, n);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  gtk_widget_set_visible (self->list_scroller, n > 0);
  if (self->store == NULL || self->council_id == NULL)
    {
      gtk_label_set_text (self->summary_label, "");
      return;
    }
  if (n_overdue > 0)
    /* Translators: the first %u counts signals, the second those with feedback overdue */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u signal, %u with feedback overdue",
                                            "%u signals, %u with feedback overdue", n),
                               n, n_overdue);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u signal", "%u signals", n), n);
  gtk_label_set_text (self->summary_label, summary);
}

/* TRUE when @drop_down offers "All …" and then exactly @values. */
static gboolean
filter_offers (GtkDropDown        *drop_down,
               const char * const *values)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);
  guint n = values != NULL ? g_strv_length ((GStrv) values) : 0;

  if (model == NULL || g_list_model_get_n_items (model) != n + 1)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i + 1), values[i]) != 0)
      return FALSE;
  return TRUE;
}

/* Rebuilds a filter's choices, keeping the chosen value when it is still there. */
static void
fill_filter (GtkDropDown        *drop_down,
             const char         *all,
             const char * const *values)
{
  const char *chosen = selected_filter (drop_down);
  g_autofree char *keep = g_strdup (chosen);
  GtkStringList *model = gtk_string_list_new (NULL);
  guint position = 0;

  gtk_string_list_append (model, all);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      gtk_string_list_append (model, values[i]);
      if (g_strcmp0 (values[i], keep) == 0)
        position = i + 1;
    }
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (drop_down, position);
  g_object_unref (model);
}

static void
refresh_filters (RaadSignalsPage *self)
{
  g_auto(GStrv) locations = NULL;
  g_auto(GStrv) themes = NULL;

  if (self->store != NULL && self->council_id != NULL)
    {
      locations = raad_signals_list_values (self->store, self->council_id, "location");
      themes = raad_signals_list_values (self->store, self->council_id, "theme");
    }
  /* Most changes bring no new location or theme: the choices stay as they are then. */
  self->updating_filters = TRUE;
  if (!filter_offers (self->location_filter, (const char * const *) locations))
    {
      fill_filter (self->location_filter, _("All locations"), (const char * const *) locations);
      set_completions (self->location_entry, (const char * const *) locations);
    }
  if (!filter_offers (self->theme_filter, (const char * const *) themes))
    {
      fill_filter (self->theme_filter, _("All themes"), (const char * const *) themes);
      set_completions (self->theme_entry, (const char * const *) themes);
    }
  self->updating_filters = FALSE;
}

/* The form */

static void
clear_error (RaadSignalsPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* The part under the form: where the signal is, what was done, the feedback. */
static void
refresh_follow_up (RaadSignalsPage *self)
{
  RaadRecord *record = self->signal != NULL ? RAAD_RECORD (self->signal) : NULL;
  gboolean saved = record != NULL && raad_record_is_saved (record) && !raad_record_get_deleted (record);
  g_autoptr(GString) where = g_string_new (NULL);
  const char *status;

  gtk_widget_set_visible (self->follow_box, saved);
  if (!saved)
    {
      update_actions (self);
      return;
    }
  status = raad_record_get_string (record, "status");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row),
                                 raad_signals_describe_status (self->signal));
  if (g_strcmp0 (status, "on-agenda") == 0 && !raad_signals_agenda_item_gone (self->signal))
    {
      g_autoptr(RaadRecord) meeting = raad_record_load (self->store,
                                                        raad_record_get_string (record, "meeting-id"),
                                                        NULL);
      g_autofree char *date = meeting != NULL
                              ? format_date (raad_record_get_string (meeting, "date")) : NULL;

      /* Translators: %s is the date of a meeting */
      g_string_printf (where, _("On the agenda of the meeting of %s"), date != NULL ? date : "–");
    }
  else if (g_strcmp0 (status, "on-agenda") == 0)
    g_string_assign (where, _("The agenda item was removed: put the signal on an agenda again, "
                              "or take it off."));
  else if (g_strcmp0 (status, "new") == 0)
    g_string_assign (where, _("Not on an agenda yet"));
  else if (g_strcmp0 (status, "handled") == 0)
    g_string_assign (where, _("Handled: tell the constituency what was done"));
  else
    {
      g_autofree char *given = format_date (raad_record_get_string (record, "feedback-given"));

      /* Translators: %s is a date */
      g_string_printf (where, _("Feedback given on %s"), given);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), where->str);
  {
    /* Translators: the status of a signal for a screen reader: status, then where it is */
    g_autofree char *accessible = g_strdup_printf (_("Status: %s. %s"),
                                                   raad_signals_describe_status (self->signal),
                                                   where->str);
    set_label (self->status_row, accessible);
  }
  gtk_widget_set_visible (self->feedback_hint,
                          g_strcmp0 (status, "handled") != 0 && g_strcmp0 (status, "feedback-given") != 0);
  update_actions (self);
}

static void
fill_form (RaadSignalsPage *self)
{
  RaadRecord *record = self->signal != NULL ? RAAD_RECORD (self->signal) : NULL;
  g_autofree char *today = today_string (self);
  g_autofree char *due = raad_signals_date_add_days (today, RAAD_SIGNALS_FEEDBACK_DAYS);
  const char * const *sources = raad_signals_sources ();
  const char *source = record != NULL ? raad_record_get_string (record, "source") : NULL;
  guint source_index = 0;
  gboolean owed = TRUE;

  clear_error (self);
  for (guint i = 0; sources[i] != NULL; i++)
    if (g_strcmp0 (sources[i], source) == 0)
      source_index = i;
  if (record != NULL)
    g_object_get (record, "feedback-owed", &owed, NULL);

  gtk_label_set_text (self->detail_title, record != NULL ? raad_record_get_string (record, "theme")
                                                         : _("Log a Signal"));
  set_text (self->received_row, record != NULL ? raad_record_get_string (record, "received") : today);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->source_row), source_index);
  set_entry_text (self->location_entry, record != NULL ? raad_record_get_string (record, "location") : NULL);
  set_entry_text (self->theme_entry, record != NULL ? raad_record_get_string (record, "theme") : NULL);
  set_text (self->text_row, record != NULL ? raad_record_get_string (record, "text") : NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->raised_kind_row),
                              record != NULL && g_strcmp0 (raad_record_get_string (record, "raised-by-kind"),
                                                           "person") == 0 ? 1 : 0);
  set_text (self->raised_by_row, record != NULL ? raad_record_get_string (record, "raised-by") : NULL);
  gtk_switch_set_active (GTK_SWITCH (self->feedback_switch), owed);
  set_text (self->feedback_due_row, record != NULL ? raad_record_get_string (record, "feedback-due") : due);
  set_text (self->handled_date_row, record != NULL && raad_record_get_string (record, "handled") != NULL
                                    ? raad_record_get_string (record, "handled") : today);
  set_text (self->outcome_row, record != NULL ? raad_record_get_string (record, "outcome") : NULL);
  set_text (self->feedback_date_row,
            record != NULL && raad_record_get_string (record, "feedback-given") != NULL
            ? raad_record_get_string (record, "feedback-given") : today);
  set_text (self->feedback_how_row, record != NULL ? raad_record_get_string (record, "feedback-how") : NULL);
  refresh_follow_up (self);
}

static void
open_signal (RaadSignalsPage *self,
             RaadSignal      *signal)
{
  g_set_object (&self->signal, signal);
  fill_form (self);
  foreach_row (self, mark_open_row);
}

/* Puts the rows of the form into @signal's fields. */
static void
read_form (RaadSignalsPage *self,
           RaadSignal      *signal)
{
  g_autofree char *received = raad_form_dup_text (self->received_row);
  g_autofree char *location = raad_form_dup_text (self->location_entry);
  g_autofree char *theme = raad_form_dup_text (self->theme_entry);
  g_autofree char *text = raad_form_dup_text (self->text_row);
  g_autofree char *raised_by = raad_form_dup_text (self->raised_by_row);
  g_autofree char *due = raad_form_dup_text (self->feedback_due_row);
  guint source = adw_combo_row_get_selected (ADW_COMBO_ROW (self->source_row));
  gboolean person = adw_combo_row_get_selected (ADW_COMBO_ROW (self->raised_kind_row)) == 1;
  gboolean owed = gtk_switch_get_active (GTK_SWITCH (self->feedback_switch));
  const char * const *sources = raad_signals_sources ();

  g_object_set (signal,
                "received", received,
                "source", source < g_strv_length ((GStrv) sources) ? sources[source] : "other",
                "location", location,
                "theme", theme,
                "text", text,
                "raised-by-kind", person ? "person" : "group",
                "raised-by", raised_by,
                "feedback-owed", owed,
                "feedback-due", owed ? due : NULL,
                NULL);
}

/* Callbacks */

/* Everything a store change may touch, at once; a refresh still waiting in an idle is not
 * needed any more. */
static void
refresh_now (RaadSignalsPage *self)
{
  g_clear_handle_id (&self->refresh_idle_id, g_source_remove);
  /* The open signal deleted elsewhere: back to an empty form. */
  if (self->signal != NULL && raad_record_is_saved (RAAD_RECORD (self->signal))
      && raad_record_get_deleted (RAAD_RECORD (self->signal)))
    {
      g_clear_object (&self->signal);
      fill_form (self);
    }
  refresh_filters (self);
  refresh_list (self);
  refresh_follow_up (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  RaadSignalsPage *self = data;

  self->refresh_idle_id = 0;
  refresh_now (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (RaadSignalsPage *self,
                  GStrv            types,
                  GStrv            ids)
{
  gboolean concerns = types == NULL;

  /* Signals themselves, and meetings and items (where a signal is on the agenda). */
  for (guint i = 0; types != NULL && types[i] != NULL; i++)
    if (g_str_equal (types[i], "signal") || g_str_equal (types[i], "meeting")
        || g_str_equal (types[i], "agenda_item"))
      concerns = TRUE;
  if (concerns && self->refresh_idle_id == 0)
    self->refresh_idle_id = g_idle_add (refresh_idle_cb, self);
}

static void
council_changed_cb (RaadSignalsPage *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "current-council");

  if (g_strcmp0 (id, self->council_id) == 0 && self->council_id != NULL)
    return;
  g_free (self->council_id);
  self->council_id = *id != '\0' ? g_steal_pointer (&id) : NULL;
  g_clear_object (&self->signal);
  refresh_all (self);
}

static void
filter_changed_cb (RaadSignalsPage *self)
{
  if (self->updating_filters)
    return;
  refresh_list (self);
  /* The theme chart follows the same filter. */
  raad_theme_chart_set_filter (self->chart, selected_filter (self->location_filter),
                               selected_filter (self->theme_filter));
}

static void
signal_activated_cb (RaadSignalsPage *self,
                     guint            position)
{
  const char *id = self->signals != NULL ? raad_record_list_get_id (self->signals, position) : NULL;

  if (id != NULL)
    raad_signals_page_open_signal (self, id);
}

static void
back_clicked_cb (RaadSignalsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
undo_delete (RaadSignalsPage *self)
{
  g_autoptr(RaadSignal) signal = g_steal_pointer (&self->removed);
  g_autoptr(GError) error = NULL;

  if (signal == NULL)
    return;
  if (!raad_signals_undelete (signal, &error))
    {
      g_warning ("Could not restore the signal: %s", error->message);
      return;
    }
  g_set_object (&self->signal, signal);
  fill_form (self);
  refresh_now (self);
}

static void
undo_put_on_agenda (RaadSignalsPage *self)
{
  g_autoptr(RaadSignal) signal = g_steal_pointer (&self->put_on);
  g_autoptr(GError) error = NULL;

  if (signal == NULL)
    return;
  if (!raad_signals_take_off_agenda (signal, &error))
    show_error (self, "Could not take the signal off the agenda", error);
  refresh_now (self);
}

/* Goes to the meetings page and opens its "new meeting" dialog. */
static void
plan_meeting (RaadSignalsPage *self)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);
  GtkWidget *meetings;

  if (stack == NULL)
    return;
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "meetings");
  meetings = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), "meetings");
  if (meetings != NULL)
    gtk_widget_activate_action (meetings, "agenda.new-meeting", NULL);
}

static void
no_meeting_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        RaadSignalsPage  *self)
{
  if (g_strcmp0 (response, "plan") == 0)
    plan_meeting (self);
}

static void
dialog_destroyed_cb (RaadSignalsPage *self,
                     GtkWindow       *dialog)
{
  if (self->last_dialog == dialog)
    self->last_dialog = NULL;
}

static void
offer_to_plan (RaadSignalsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("No Meeting Planned"),
                                   _("The council has no meeting planned. Plan the next meeting, "
                                     "then put the signal on its agenda."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "plan", _("_Plan Meeting"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "plan",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "plan");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (no_meeting_response_cb), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  self->last_dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
field_activated_cb (RaadSignalsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "signals.save", NULL);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RaadSignalsPage *self = RAAD_SIGNALS_PAGE (widget);

  open_signal (self, NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
  gtk_widget_grab_focus (self->location_entry);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RaadSignalsPage *self = RAAD_SIGNALS_PAGE (widget);
  g_autoptr(RaadSignal) signal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  gboolean is_new = self->signal == NULL || !raad_record_is_saved (RAAD_RECORD (self->signal));

  if (self->store == NULL || self->council_id == NULL)
    return;
  signal = is_new ? raad_signal_new (self->store) : g_object_ref (self->signal);
  if (is_new)
    g_object_set (signal, "council-id", self->council_id, NULL);
  read_form (self, signal);
  if (!raad_signals_save (signal, &error))
    {
      g_debug ("Signal not saved: %s", error->message);
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      /* The live object keeps what is stored. */
      if (!is_new)
        {
          g_autoptr(JsonObject) body = raad_store_get (self->store, raad_record_get_id (RAAD_RECORD (signal)),
                                                       NULL);

          if (body != NULL)
            raad_record_set_from_json (RAAD_RECORD (signal), body);
        }
      return;
    }
  clear_error (self);
  toast = adw_toast_new (is_new ? _("Signal logged") : _("Signal saved"));
  show_toast (self, toast);
  g_set_object (&self->signal, signal);
  gtk_label_set_text (self->detail_title, raad_record_get_string (RAAD_RECORD (signal), "theme"));
  refresh_now (self);
  foreach_row (self, mark_open_row);
}

static void
put_on_agenda_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RaadSignalsPage *self = RAAD_SIGNALS_PAGE (widget);
  g_autoptr(RaadAgendaItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(RaadRecord) meeting = NULL;
  g_autofree char *today = today_string (self);
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;

  if (self->signal == NULL)
    return;
  /* An item that is gone: clear the old link first. */
  if (raad_signals_agenda_item_gone (self->signal)
      && !raad_signals_take_off_agenda (self->signal, &error))
    {
      show_error (self, "Could not clear the old agenda link", error);
      return;
    }
  item = raad_signals_put_on_agenda (self->store, self->signal, NULL, today, &error);
  if (item == NULL)
    {
      if (g_error_matches (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_NO_MEETING))
        offer_to_plan (self);
      else
        show_error (self, "Could not put the signal on the agenda", error);
      refresh_follow_up (self);
      return;
    }
  meeting = raad_record_load (self->store, raad_record_get_string (RAAD_RECORD (item), "meeting-id"), NULL);
  date = format_date (meeting != NULL ? raad_record_get_string (meeting, "date") : NULL);
  /* Translators: %s is the date of a meeting */
  title = g_strdup_printf (_("Put on the agenda of %s"), date);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_set_object (&self->put_on, self->signal);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_put_on_agenda), self,
                           G_CONNECT_SWAPPED);
  show_toast (self, toast);
  refresh_now (self);
}

static void
take_off_agenda_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RaadSignalsPage *self = RAAD_SIGNALS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;

  if (self->signal == NULL)
    return;
  if (!raad_signals_take_off_agenda (self->signal, &error))
    {
      show_error (self, "Could not take the signal off the agenda", error);
      return;
    }
  toast = adw_toast_new (_("Taken off the agenda"));
  show_toast (self, toast);
  refresh_now (self);
}

static void
record_handled_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RaadSignalsPage *self = RAAD_SIGNALS_PAGE (widget);
  g_autofree char *date = raad_form_dup_text (self->handled_date_row);
  g_autofree char *outcome = raad_form_dup_text (self->outcome_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;

  if (self->signal == NULL)
    return;
  if (!raad_signals_record_handled (self->signal, date, outcome, &error))
    {
      show_error (self, "Could not record the signal as handled", error);
      return;
    }
  toast = adw_toast_new (_("Recorded as handled"));
  show_toast (self, toast);
  refresh_now (self);
}

static void
record_feedback_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RaadSignalsPage *self = RAAD_SIGNALS_PAGE (widget);
  g_autofree char *date = raad_form_dup_text (self->feedback_date_row);
  g_autofree char *how = raad_form_dup_text (self->feedback_how_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;

  if (self->signal == NULL)
    return;
  if (!raad_signals_record_feedback (self->signal, date, how, &error))
    {
      show_error (self, "Could not record the feedback", error);
      return;
    }
  toast = adw_toast_new (_("Feedback recorded"));
  show_toast (self, toast);
  refresh_now (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RaadSignalsPage *self = RAAD_SIGNALS_PAGE (widget);
  g_autoptr(RaadSignal) signal = self->signal != NULL ? g_object_ref (self->signal) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;

  if (signal == NULL)
    return;
  if (!raad_signals_delete (signal, &error))
    {
      g_warning ("Could not delete the signal: %s", error->message);
      show_error (self, "Could not delete the signal", error);
      return;
    }
  g_set_object (&self->removed, signal);
  /* Translators: %s is the theme of a signal */
  title = g_strdup_printf (_("Signal “%s” deleted"), raad_record_get_string (RAAD_RECORD (signal), "theme"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete), self, G_CONNECT_SWAPPED);
  show_toast (self, toast);
  g_clear_object (&self->signal);
  fill_form (self);
  refresh_now (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RaadSignalsPage *self = RAAD_SIGNALS_PAGE (widget);

  if (self->store != NULL && self->council_id != NULL)
    raad_signals_report_export_dialog (widget, self->store, self->council_id);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  raad_signals_page_open_signal (RAAD_SIGNALS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* Building the form */

static void
build_form (RaadSignalsPage *self)
{
  GtkStringList *sources = gtk_string_list_new (NULL);
  GtkStringList *kinds = gtk_string_list_new (NULL);
  const char * const *source_ids = raad_signals_sources ();
  GtkWidget *row, *box, *button;

  for (guint i = 0; source_ids[i] != NULL; i++)
    gtk_string_list_append (sources, raad_signals_source_label (source_ids[i]));
  gtk_string_list_append (kinds, _("A group"));
  gtk_string_list_append (kinds, _("One person"));

  self->received_row = add_entry_row (self->signal_group, "received", _("_Date (YYYY-MM-DD)"));
  set_label (self->received_row, _("Date"));
  self->source_row = add_combo_row (self->signal_group, "source", _("_Source"), sources);
  set_label (self->source_row, _("Source"));
  self->location_entry = add_completing_row (self->signal_group, "location", _("Location"),
                                             _("e.g. Rozengaard"));
  self->theme_entry = add_completing_row (self->signal_group, "theme", _("Theme"),
                                          _("e.g. Food and drink"));
  self->text_row = add_entry_row (self->signal_group, "text", _("_What was said"));
  set_label (self->text_row, _("What was said"));
  self->raised_kind_row = add_combo_row (self->signal_group, "raised-by-kind", _("_Raised by"), kinds);
  set_label (self->raised_kind_row, _("Raised by"));
  self->raised_by_row = add_entry_row (self->signal_group, "raised-by",
                                       _("_Which group (e.g. residents of a ward)"));
  set_label (self->raised_by_row, _("Which group"));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Feedback owed"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Tell the people what the council did with it"));
  self->feedback_switch = gtk_switch_new ();
  gtk_widget_set_name (self->feedback_switch, "feedback-owed");
  gtk_widget_set_valign (self->feedback_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->feedback_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->feedback_switch);
  set_label (self->feedback_switch, _("Feedback owed"));
  adw_preferences_group_add (self->feedback_owed_group, row);
  self->feedback_due_row = add_entry_row (self->feedback_owed_group, "feedback-due",
                                          _("Feedback _due by (YYYY-MM-DD)"));
  set_label (self->feedback_due_row, _("Feedback due by"));
  g_object_bind_property (self->feedback_switch, "active", self->feedback_due_row, "sensitive",
                          G_BINDING_SYNC_CREATE);

  /* Status and the agenda. */
  self->status_row = adw_action_row_new ();
  gtk_widget_set_name (self->status_row, "status");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->status_row), 3);
  adw_preferences_group_add (self->agenda_group, self->status_row);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  button = new_button (_("_Put on Next Agenda"), _("Put on next agenda"), "signals.put-on-agenda");
  gtk_widget_set_name (button, "put-on-agenda");
  gtk_widget_set_tooltip_text (button, _("Add an agenda item for this signal to the next meeting"));
  gtk_box_append (GTK_BOX (box), button);
  button = new_button (_("_Take Off"), _("Take off the agenda"), "signals.take-off-agenda");
  gtk_widget_set_name (button, "take-off-agenda");
  gtk_widget_set_tooltip_text (button, _("Take the signal off the agenda again"));
  gtk_box_append (GTK_BOX (box), button);
  adw_preferences_group_set_header_suffix (self->agenda_group, box);

  /* Handled. */
  self->handled_date_row = add_entry_row (self->handled_group, "handled-date", _("Date handled (YYYY-MM-DD)"));
  set_label (self->handled_date_row, _("Date handled"));
  self->outcome_row = add_entry_row (self->handled_group, "outcome", _("_Outcome"));
  set_label (self->outcome_row, _("Outcome"));
  button = new_button (_("Record as _Handled"), _("Record as handled"), "signals.record-handled");
  gtk_widget_set_name (button, "record-handled");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 6);
  adw_preferences_group_add (self->handled_group, button);

  /* Feedback given. */
  self->feedback_hint = gtk_label_new (_("Feedback can be recorded once the signal is handled."));
  gtk_label_set_wrap (GTK_LABEL (self->feedback_hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->feedback_hint), 0);
  gtk_widget_add_css_class (self->feedback_hint, "dim-label");
  gtk_widget_set_margin_bottom (self->feedback_hint, 6);
  adw_preferences_group_add (self->feedback_group, self->feedback_hint);
  self->feedback_date_row = add_entry_row (self->feedback_group, "feedback-date",
                                           _("Date given (YYYY-MM-DD)"));
  set_label (self->feedback_date_row, _("Date feedback given"));
  self->feedback_how_row = add_entry_row (self->feedback_group, "feedback-how",
                                          _("How (e.g. in the living-room talk)"));
  set_label (self->feedback_how_row, _("How the feedback was given"));
  button = new_button (_("Record _Feedback Given"), _("Record feedback given"), "signals.record-feedback");
  gtk_widget_set_name (button, "record-feedback");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 6);
  adw_preferences_group_add (self->feedback_group, button);

  /* Enter in the signal's fields saves it. */
  g_signal_connect_swapped (self->received_row, "entry-activated", G_CALLBACK (field_activated_cb), self);
  g_signal_connect_swapped (self->text_row, "entry-activated", G_CALLBACK (field_activated_cb), self);
  g_signal_connect_swapped (self->raised_by_row, "entry-activated", G_CALLBACK (field_activated_cb), self);
  g_signal_connect_swapped (self->feedback_due_row, "entry-activated", G_CALLBACK (field_activated_cb), self);
  g_signal_connect_swapped (self->location_entry, "activate", G_CALLBACK (field_activated_cb), self);
  g_signal_connect_swapped (self->theme_entry, "activate", G_CALLBACK (field_activated_cb), self);
}

static void
build_filters (RaadSignalsPage *self)
{
  self->location_filter = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->theme_filter = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_name (GTK_WIDGET (self->location_filter), "location-filter");
  gtk_widget_set_name (GTK_WIDGET (self->theme_filter), "theme-filter");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->location_filter), _("Show the signals of one location"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->theme_filter), _("Show the signals of one theme"));
  set_label (GTK_WIDGET (self->location_filter), _("Filter by location"));
  set_label (GTK_WIDGET (self->theme_filter), _("Filter by theme"));
  gtk_box_append (self->filter_box, GTK_WIDGET (self->location_filter));
  gtk_box_append (self->filter_box, GTK_WIDGET (self->theme_filter));
  g_signal_connect_swapped (self->location_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->theme_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
}

/* The "Themes" view: signals per theme per quarter, with the page's filters. */
static void
build_chart (RaadSignalsPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->chart = RAAD_THEME_CHART (raad_theme_chart_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->chart), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->chart), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->chart), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->chart), 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->chart));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (self->chart_slot, scroller);
}

static void
refresh_all (RaadSignalsPage *self)
{
  g_clear_handle_id (&self->refresh_idle_id, g_source_remove);
  if (self->chart != NULL)
    raad_theme_chart_set_store (self->chart, self->store, self->council_id);
  refresh_filters (self);
  fill_form (self);
  refresh_list (self);
  /* Overdue depends on today, and the open signal may be another: every row in view anew. */
  foreach_row (self, refill_row);
  update_actions (self);
}

/* GObject */

static void
raad_signals_page_dispose (GObject *object)
{
  RaadSignalsPage *self = RAAD_SIGNALS_PAGE (object);

  g_clear_handle_id (&self->refresh_idle_id, g_source_remove);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  if (self->last_dialog != NULL)
    gtk_window_destroy (self->last_dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_SIGNALS_PAGE);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->signal);
  g_clear_object (&self->removed);
  g_clear_object (&self->put_on);
  g_clear_object (&self->last_toast);
  g_clear_object (&self->signals);
  g_clear_object (&self->slots);
  g_clear_pointer (&self->pending_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (raad_signals_page_parent_class)->dispose (object);
}

static void
raad_signals_page_finalize (GObject *object)
{
  RaadSignalsPage *self = RAAD_SIGNALS_PAGE (object);

  g_free (self->council_id);
  g_free (self->today);

  G_OBJECT_CLASS (raad_signals_page_parent_class)->finalize (object);
}

static void
raad_signals_page_class_init (RaadSignalsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raad_signals_page_dispose;
  object_class->finalize = raad_signals_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/raadswerk/Raadswerk/signals/raad-signals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, chart_slot);
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, signal_list);
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, signal_group);
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, feedback_owed_group);
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, agenda_group);
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, handled_group);
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, feedback_group);
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, RaadSignalsPage, follow_box);
  gtk_widget_class_bind_template_callback (widget_class, signal_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "signals.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "signals.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "signals.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "signals.put-on-agenda", NULL, put_on_agenda_action);
  gtk_widget_class_install_action (widget_class, "signals.take-off-agenda", NULL, take_off_agenda_action);
  gtk_widget_class_install_action (widget_class, "signals.record-handled", NULL, record_handled_action);
  gtk_widget_class_install_action (widget_class, "signals.record-feedback", NULL, record_feedback_action);
  gtk_widget_class_install_action (widget_class, "signals.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "signals.export-report", NULL, export_report_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "signals.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "signals.save", NULL);
}

static void
raad_signals_page_init (RaadSignalsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->signal_list, factory);
  g_object_unref (factory);
  self->slots = g_list_store_new (G_TYPE_OBJECT);
  self->pending_rows = g_ptr_array_new_with_free_func (g_object_unref);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->slots)));
  gtk_list_view_set_model (self->signal_list, GTK_SELECTION_MODEL (selection));
  build_filters (self);
  build_form (self);
  build_chart (self);
  raad_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
  raad_a11y_name_drop_downs (GTK_WIDGET (self));
  /* The button is named by the label of its AdwButtonContent ("Log Signal"): an accessible
   * label as well would make GTK 4.8 say both. */

  gtk_label_set_text (self->empty_label, _("No signals yet. Log what you hear in living-room talks, "
                                           "department meetings and exit visits."));

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::current-council",
                           G_CALLBACK (council_changed_cb), self, G_CONNECT_SWAPPED);
  council_changed_cb (self);
}

/* Public API */

void
raad_signals_page_set_store (RaadSignalsPage *self,
                             RaadStore       *store)
{
  g_return_if_fail (RAAD_IS_SIGNALS_PAGE (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  g_clear_object (&self->signals);
  if (store != NULL)
    self->signals = _raad_record_list_new_for_ids (store, "signal");
  g_clear_object (&self->signal);
  refresh_all (self);
}

RaadStore *
raad_signals_page_get_store (RaadSignalsPage *self)
{
  g_return_val_if_fail (RAAD_IS_SIGNALS_PAGE (self), NULL);

  return self->store;
}

const char *
raad_signals_page_get_council_id (RaadSignalsPage *self)
{
  g_return_val_if_fail (RAAD_IS_SIGNALS_PAGE (self), NULL);

  return self->council_id;
}

void
raad_signals_page_open_signal (RaadSignalsPage *self,
                               const char      *id)
{
  g_autoptr(RaadRecord) record = NULL;

  g_return_if_fail (RAAD_IS_SIGNALS_PAGE (self));

  if (id != NULL && self->store != NULL)
    record = raad_record_load (self->store, id, NULL);
  if (record != NULL && (!RAAD_IS_SIGNAL (record) || raad_record_get_deleted (record)))
    g_clear_object (&record);
  open_signal (self, record != NULL ? RAAD_SIGNAL (record) : NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
}

/* Private API */

GtkListView *
_raad_signals_page_get_list (RaadSignalsPage *self)
{
  return self->signal_list;
}

RaadRecordList *
_raad_signals_page_get_signals (RaadSignalsPage *self)
{
  return self->signals;
}

static GtkWidget *
find_row (RaadSignalsPage *self,
          const char      *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->signal_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (row != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (row), "raad-signal-id"), id) == 0)
        return row;
    }
  return NULL;
}

GtkWidget *
_raad_signals_page_get_row (RaadSignalsPage *self,
                            const char      *id)
{
  return id != NULL ? find_row (self, id) : NULL;
}

const char *
_raad_signals_page_row_get_id (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "raad-signal-id");
}

RaadSignal *
_raad_signals_page_get_signal (RaadSignalsPage *self)
{
  return self->signal;
}

AdwToast *
_raad_signals_page_get_last_toast (RaadSignalsPage *self)
{
  return self->last_toast;
}

GtkWindow *
_raad_signals_page_get_last_dialog (RaadSignalsPage *self)
{
  return self->last_dialog;
}

void
_raad_signals_page_set_today (RaadSignalsPage *self,
                              const char      *today)
{
  g_free (self->today);
  self->today = g_strdup (today);
  refresh_all (self);
}

GtkDropDown *
_raad_signals_page_get_filter (RaadSignalsPage *self,
                               const char      *field)
{
  return g_strcmp0 (field, "theme") == 0 ? self->theme_filter : self->location_filter;
}
