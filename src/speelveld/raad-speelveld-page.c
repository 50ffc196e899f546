/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-speelveld-page.c: the playing field (speelveld): the council's parties on a map and a grid, their contact log */
#define G_LOG_DOMAIN "raad-speelveld-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "raad-a11y.h"
#include "raad-council.h"
#include "raad-date.h"
#include "raad-speelveld.h"
#include "raad-speelveld-export.h"
#include "raad-speelveld-page-private.h"

/* A council has tens of parties, so the page reads them whole: one query for the parties and
 * one for the date of the last contact with each (raad_speelveld_list_dues), and shows the
 * same RaadContactDue array three ways: the map (or grid), the sortable list, and the "speak
 * to next" pane. Store changes refresh in one idle; a page that is not on screen only marks
 * itself stale and reads the store when it is mapped, so it costs nothing while the user is
 * elsewhere. A narrow window shows the list first: the map needs room. */

#define NARROW_WIDTH 600   /* below: the list instead of the map */
#define FOLD_WIDTH   900   /* below: "speak to next" over the field, on demand */

/* One row of the plain list: the texts it shows and the keys it sorts by. */

#define RAAD_TYPE_PARTY_ITEM (raad_party_item_get_type ())
G_DECLARE_FINAL_TYPE (RaadPartyItem, raad_party_item, RAAD, PARTY_ITEM, GObject)

struct _RaadPartyItem
{
  GObject          parent_instance;

  RaadStakeholder *party;
  char            *name;
  char            *category;
  guint            category_rank;
  char            *relation;
  char            *right;
  char            *last_contact;
  char            *last_contact_key;
  char            *due;
  char            *due_key;
};

enum {
  ITEM_PROP_0,
  ITEM_PROP_NAME,
  ITEM_PROP_CATEGORY,
  ITEM_PROP_CATEGORY_RANK,
  ITEM_PROP_RELATION,
  ITEM_PROP_RIGHT,
  ITEM_PROP_LAST_CONTACT,
  ITEM_PROP_LAST_CONTACT_KEY,
  ITEM_PROP_DUE,
  ITEM_PROP_DUE_KEY,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

G_DEFINE_FINAL_TYPE (RaadPartyItem, raad_party_item, G_TYPE_OBJECT)

static void
raad_party_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RaadPartyItem *self = RAAD_PARTY_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_NAME: g_value_set_string (value, self->name); break;
    case ITEM_PROP_CATEGORY: g_value_set_string (value, self->category); break;
    case ITEM_PROP_CATEGORY_RANK: g_value_set_uint (value, self->category_rank); break;
    case ITEM_PROP_RELATION: g_value_set_string (value, self->relation); break;
    case ITEM_PROP_RIGHT: g_value_set_string (value, self->right); break;
    case ITEM_PROP_LAST_CONTACT: g_value_set_string (value, self->last_contact); break;
    case ITEM_PROP_LAST_CONTACT_KEY: g_value_set_string (value, self->last_contact_key); break;
    case ITEM_PROP_DUE: g_value_set_string (value, self->due); break;
    case ITEM_PROP_DUE_KEY: g_value_set_string (value, self->due_key); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_party_item_finalize (GObject *object)
{
  RaadPartyItem *self = RAAD_PARTY_ITEM (object);

  g_clear_object (&self->party);
  g_free (self->name);
  g_free (self->category);
  g_free (self->relation);
  g_free (self->right);
  g_free (self->last_contact);
  g_free (self->last_contact_key);
  g_free (self->due);
  g_free (self->due_key);

  G_OBJECT_CLASS (raad_party_item_parent_class)->finalize (object);
}

static void
raad_party_item_class_init (RaadPartyItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = raad_party_item_get_property;
  object_class->finalize = raad_party_item_finalize;

  item_properties[ITEM_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_CATEGORY_RANK] = g_param_spec_uint ("category-rank", NULL, NULL, 0, G_MAXUINT, 0, flags);
  item_properties[ITEM_PROP_RELATION] = g_param_spec_string ("relation", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_RIGHT] = g_param_spec_string ("right", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_LAST_CONTACT] = g_param_spec_string ("last-contact", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_LAST_CONTACT_KEY] = g_param_spec_string ("last-contact-key", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_DUE_KEY] = g_param_spec_string ("due-key", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
raad_party_item_init (RaadPartyItem *self)
{
}

/* The page */

struct _RaadSpeelveldPage
{
  GtkWidget           parent_instance;

  RaadStore          *store;
  GSettings          *settings;
  char               *council_id;
  AdwToast           *last_toast;
  GPtrArray          *removed;         /* the last deleted party and its log, for Undo */
  GListStore         *items;           /* RaadPartyItem */
  GPtrArray          *dues;            /* RaadContactDue of every party, as last read */
  gboolean            list_stale;      /* items not made from dues yet (the list is hidden) */
  gboolean            show_all_overdue;
  guint               refresh_idle_id;
  guint               prepare_idle_id;
  gboolean            stale;
  gboolean            narrow;
  gboolean            folded;
  char               *wide_view;       /* the view to go back to when the window widens */

  GtkWidget          *toolbar;
  GtkToggleButton    *map_button;
  GtkToggleButton    *grid_button;
  GtkToggleButton    *list_button;
  GtkWidget          *zoom_box;
  GtkButton          *zoom_reset_button;
  GtkMenuButton      *export_button;
  GtkToggleButton    *overdue_button;
  GtkLabel           *overdue_count;
  AdwFlap            *flap;
  GtkStack           *view_stack;
  RaadStakeholderMap *map;
  GtkColumnView      *column_view;
  GtkListBox         *overdue_list;
};

G_DEFINE_FINAL_TYPE (RaadSpeelveldPage, raad_speelveld_page, GTK_TYPE_WIDGET)

/* Helpers */

static char *
format_date (const char *date)
{
  g_autoptr(GDate) parsed = raad_date_parse (date);
  char text[64];

  if (parsed == NULL)
    return g_strdup (date);
  /* Translators: a date as g_date_strftime writes it, e.g. "3 December 2026" */
  if (g_date_strftime (text, sizeof text, _("%-d %B %Y"), parsed) == 0)
    return g_strdup (date);
  return g_strdup (text);
}

static const char *
current_view (RaadSpeelveldPage *self)
{
  if (gtk_toggle_button_get_active (self->list_button))
    return "list";
  if (gtk_toggle_button_get_active (self->grid_button))
    return "grid";
  return "map";
}

static void
update_actions (RaadSpeelveldPage *self)
{
  gboolean ready = self->store != NULL && self->council_id != NULL;
  gboolean field = g_strcmp0 (current_view (self), "list") != 0;
  double zoom = raad_stakeholder_map_get_zoom (self->map);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "speelveld.new-party", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "speelveld.export", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "speelveld.zoom-in", field && zoom < 3.0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "speelveld.zoom-out", field && zoom > 0.5);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "speelveld.zoom-reset", field);
  gtk_widget_set_visible (self->zoom_box, field);
}

static void fill_list (RaadSpeelveldPage *self);
static void refresh   (RaadSpeelveldPage *self);
static void fill_overdue (RaadSpeelveldPage *self,
                          GPtrArray         *overdue);

static void
show_view (RaadSpeelveldPage *self)
{
  const char *view = current_view (self);
  gboolean empty = self->dues == NULL || self->dues->len == 0;

  if (g_str_equal (view, "list") && self->list_stale)
    fill_list (self);
  if (empty)
    gtk_stack_set_visible_child_name (self->view_stack, "empty");
  else if (g_str_equal (view, "list"))
    gtk_stack_set_visible_child_name (self->view_stack, "list");
  else
    {
      raad_stakeholder_map_set_grid (self->map, g_str_equal (view, "grid"));
      gtk_stack_set_visible_child_name (self->view_stack, "field");
    }
  update_actions (self);
}

static char *
due_text (RaadContactDue *due)
{
  g_autofree char *date = due->due != NULL ? format_date (due->due) : NULL;

  switch (due->state)
    {
    case RAAD_CONTACT_OVERDUE:
      if (due->last_contact == NULL)
        return g_strdup (_("Now: never spoken to"));
      /* Translators: %s is a date, %d a number of days */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%d day overdue)",
                                           "%s (%d days overdue)", due->days_overdue),
                              date, due->days_overdue);
    case RAAD_CONTACT_DUE_SOON:
      /* Translators: %s is a date */
      return g_strdup_printf (_("%s (soon)"), date);
    case RAAD_CONTACT_ON_TRACK:
      return g_steal_pointer (&date);
    case RAAD_CONTACT_NO_RHYTHM:
    default:
      return g_strdup (_("No rhythm"));
    }
}

static RaadPartyItem *
new_item (RaadContactDue *due)
{
  RaadPartyItem *item = g_object_new (RAAD_TYPE_PARTY_ITEM, NULL);
  RaadRecord *party = RAAD_RECORD (due->party);
  const char *category = raad_record_get_string (party, "category");
  const char * const *categories = raad_speelveld_categories ();
  const char *relation = raad_record_get_string (party, "relation");
  const char *right = raad_record_get_string (party, "formal-right");

  item->party = g_object_ref (due->party);
  item->name = g_strdup (raad_record_get_string (party, "name"));
  item->category = g_strdup (raad_speelveld_category_title (category));
  item->category_rank = G_MAXUINT;
  for (guint i = 0; categories[i] != NULL; i++)
    if (g_strcmp0 (categories[i], category) == 0)
      item->category_rank = i;
  item->relation = g_strdup (relation != NULL ? raad_speelveld_relation_title (relation) : "");
  item->right = g_strdup (raad_speelveld_right_title (right != NULL ? right : "none"));
  item->last_contact = due->last_contact != NULL ? format_date (due->last_contact)
                                                 : g_strdup (_("Never"));
  item->last_contact_key = g_strdup (due->last_contact != NULL ? due->last_contact : "");
  item->due = due_text (due);
  /* The most urgent first when sorted up: never spoken to, then by date, no rhythm last. */
  if (due->state == RAAD_CONTACT_NO_RHYTHM)
    item->due_key = g_strdup ("9999");
  else if (due->due == NULL)
    item->due_key = g_strdup ("0000");
  else
    item->due_key = g_strdup (due->due);
  return item;
}

static void
fill_list (RaadSpeelveldPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  self->list_stale = FALSE;
  for (guint i = 0; self->dues != NULL && i < self->dues->len; i++)
    g_ptr_array_add (items, new_item (g_ptr_array_index (self->dues, i)));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
}

static GtkWidget *
new_overdue_row (RaadSpeelveldPage *self,
                 RaadContactDue    *due);

static void
refresh (RaadSpeelveldPage *self)
{
  g_autoptr(GPtrArray) dues = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(RaadRecord) council = NULL;
  g_autofree char *today = raad_date_today ();
  g_autofree char *count = NULL;
  GtkWidget *row;
  guint n_overdue = 0;

  self->stale = FALSE;
  if (self->store == NULL || self->council_id == NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->overdue_list, 0))) != NULL)
        gtk_list_box_remove (self->overdue_list, row);
      raad_stakeholder_map_set_parties (self->map, NULL, none);
      g_clear_pointer (&self->dues, g_ptr_array_unref);
      self->list_stale = FALSE;
      g_list_store_remove_all (self->items);
      gtk_label_set_text (self->overdue_count, "0");
      show_view (self);
      return;
    }

  dues = raad_speelveld_list_dues (self->store, self->council_id, today);
  council = raad_record_load (self->store, self->council_id, NULL);
  raad_stakeholder_map_set_parties (self->map,
                                    council != NULL ? raad_record_get_string (council, "name") : NULL,
                                    dues);

  g_clear_pointer (&self->dues, g_ptr_array_unref);
  self->dues = g_ptr_array_ref (dues);
  /* The list is made when it is shown. */
  self->list_stale = TRUE;
  if (g_str_equal (current_view (self), "list"))
    fill_list (self);

  /* Speak to next: overdue and due soon, most overdue first. */
  overdue = g_ptr_array_new ();
  for (guint i = 0; i < dues->len; i++)
    {
      RaadContactDue *due = g_ptr_array_index (dues, i);

      if (due->state == RAAD_CONTACT_OVERDUE || due->state == RAAD_CONTACT_DUE_SOON)
        g_ptr_array_add (overdue, due);
      if (due->state == RAAD_CONTACT_OVERDUE)
        n_overdue++;
    }
  raad_speelveld_sort_most_overdue (overdue);
  fill_overdue (self, overdue);
  count = g_strdup_printf ("%u", n_overdue);
  gtk_label_set_text (self->overdue_count, count);
  {
    /* Translators: the button that shows the parties to speak to next; %u is how many are overdue */
    g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Speak to next: %u party overdue",
                                                           "Speak to next: %u parties overdue",
                                                           n_overdue), n_overdue);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->overdue_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  show_view (self);
}

static void
refresh_when_shown (RaadSpeelveldPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

static gboolean
refresh_idle_cb (gpointer data)
{
  RaadSpeelveldPage *self = data;

  self->refresh_idle_id = 0;
  refresh_when_shown (self);
  return G_SOURCE_REMOVE;
}

/* Once, after the window has shown its first page: read the store and make the tiles while
 * nothing else happens, so that the first switch to this page only lays them out. */
static gboolean
prepare_idle_cb (gpointer data)
{
  RaadSpeelveldPage *self = data;

  self->prepare_idle_id = 0;
  if (self->stale)
    refresh (self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      GtkWidget *pane = adw_flap_get_flap (self->flap);
      GtkWidget *list = GTK_WIDGET (self->overdue_list);
      int width;

      /* Styles and text of the tiles and of "speak to next", measured now, the list at the
       * width it will have: the flap gives its pane the pane's minimum width (measuring at
       * another width would make every row's wrapping labels measure again when shown). */
      raad_stakeholder_map_prepare (self->map);
      gtk_widget_measure (pane, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
      width -= gtk_widget_get_margin_start (list) + gtk_widget_get_margin_end (list);
      gtk_widget_measure (list, GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
    }
  return G_SOURCE_REMOVE;
}

/* Callbacks */

static void
plan_applied_cb (AdwEntryRow       *row,
                 RaadSpeelveldPage *self)
{
  RaadStakeholder *party = g_object_get_data (G_OBJECT (row), "raad-party");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  if (!raad_speelveld_plan_contact (party, *text != '\0' ? text : NULL, &error))
    {
      g_autoptr(AdwToast) toast = adw_toast_new (error->message);

      g_warning ("Could not plan the talk: %s", error->message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      _raad_speelveld_page_show_toast (self, toast);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
log_row_activated_cb (AdwActionRow      *row,
                      RaadSpeelveldPage *self)
{
  _raad_speelveld_log_contact (self, g_object_get_data (G_OBJECT (row), "raad-party"));
}

static void
open_row_activated_cb (AdwActionRow      *row,
                       RaadSpeelveldPage *self)
{
  _raad_speelveld_edit_party (self, g_object_get_data (G_OBJECT (row), "raad-party"));
}

/* What a row of "speak to next" holds when opened: plan the next talk, log a contact, open
 * the party. Made on the first opening: a page with tens of overdue parties shows at once. */
static void
overdue_row_expanded_cb (AdwExpanderRow    *row,
                         GParamSpec        *pspec,
                         RaadSpeelveldPage *self)
{
  RaadStakeholder *party = g_object_get_data (G_OBJECT (row), "raad-party");
  const char *planned = raad_record_get_string (RAAD_RECORD (party), "next-contact");
  GtkWidget *plan, *log, *open;

  if (!adw_expander_row_get_expanded (row) || g_object_get_data (G_OBJECT (row), "raad-filled"))
    return;
  g_object_set_data (G_OBJECT (row), "raad-filled", GINT_TO_POINTER (TRUE));
  plan = adw_entry_row_new ();
  log = adw_action_row_new ();
  open = adw_action_row_new ();

  gtk_widget_set_name (plan, "plan");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (plan), _("Next talk planned (YYYY-MM-DD)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (plan), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (plan), planned != NULL ? planned : "");
  g_object_set_data_full (G_OBJECT (plan), "raad-party", g_object_ref (party), g_object_unref);
  g_signal_connect (plan, "apply", G_CALLBACK (plan_applied_cb), self);
  adw_expander_row_add_row (row, plan);

  gtk_widget_set_name (log, "log-contact");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (log), _("Log a contact…"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (log), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (log), gtk_image_new_from_icon_name ("list-add-symbolic"));
  g_object_set_data_full (G_OBJECT (log), "raad-party", g_object_ref (party), g_object_unref);
  g_signal_connect (log, "activated", G_CALLBACK (log_row_activated_cb), self);
  adw_expander_row_add_row (row, log);

  gtk_widget_set_name (open, "open-party");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (open), _("Open the party"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (open), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (open), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (open), "raad-party", g_object_ref (party), g_object_unref);
  g_signal_connect (open, "activated", G_CALLBACK (open_row_activated_cb), self);
  adw_expander_row_add_row (row, open);
}

static GtkWidget *
new_overdue_row (RaadSpeelveldPage *self,
                 RaadContactDue    *due)
{
  RaadRecord *party = RAAD_RECORD (due->party);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *icon;
  g_autofree char *last = due->last_contact != NULL ? format_date (due->last_contact) : NULL;
  g_autofree char *when = due_text (due);
  g_autofree char *subtitle = NULL;
  const char *planned = raad_record_get_string (party, "next-contact");

  if (last != NULL)
    /* Translators: the first %s is the date of the last contact, the second when the next is due */
    subtitle = g_strdup_printf (_("Last contact %s · due %s"), last, when);
  else
    subtitle = g_strdup (_("Never spoken to"));
  if (planned != NULL)
    {
      g_autofree char *date = format_date (planned);
      char *with_plan = g_strdup_printf ("%s · %s %s", subtitle, _("planned"), date);

      g_free (subtitle);
      subtitle = with_plan;
    }

  gtk_widget_set_name (row, raad_record_get_id (party));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), raad_record_get_string (party, "name"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  icon = gtk_image_new_from_icon_name (due->state == RAAD_CONTACT_OVERDUE ? "dialog-warning-symbolic"
                                                                          : "alarm-symbolic");
  if (due->state == RAAD_CONTACT_OVERDUE)
    gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  due->state == RAAD_CONTACT_OVERDUE ? _("Overdue") : _("Due soon"),
                                  -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);

  g_object_set_data_full (G_OBJECT (row), "raad-party", g_object_ref (party), g_object_unref);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (overdue_row_expanded_cb), self);
  return row;
}

#define OVERDUE_SHOWN 12

static char *
overdue_key (RaadContactDue *due)
{
  return g_strdup_printf ("%s|%s|%d|%s|%s|%d", raad_record_get_id (RAAD_RECORD (due->party)),
                          raad_record_get_rev (RAAD_RECORD (due->party)), due->state,
                          due->last_contact, due->due, due->days_overdue);
}

static void
show_all_overdue_cb (AdwActionRow      *row,
                     RaadSpeelveldPage *self)
{
  self->show_all_overdue = TRUE;
  refresh (self);
}

/* The rows of "speak to next": the most overdue first, the first dozen unless the user asks
 * for all; rows are only made again when what they show changed. */
static void
fill_overdue (RaadSpeelveldPage *self,
              GPtrArray         *overdue)
{
  guint n = self->show_all_overdue ? overdue->len : MIN (overdue->len, OVERDUE_SHOWN);
  gboolean same = TRUE;
  GtkWidget *row;
  guint i;

  for (i = 0; i < n && same; i++)
    {
      g_autofree char *key = overdue_key (overdue->pdata[i]);

      row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->overdue_list, i));
      same = row != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (row), "raad-key"), key) == 0;
    }
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->overdue_list, n));
  if (same && (n < overdue->len ? row != NULL && g_strcmp0 (gtk_widget_get_name (row), "show-all") == 0
                                : row == NULL))
    return;

  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->overdue_list, 0))) != NULL)
    gtk_list_box_remove (self->overdue_list, row);
  for (i = 0; i < n; i++)
    {
      row = new_overdue_row (self, overdue->pdata[i]);
      g_object_set_data_full (G_OBJECT (row), "raad-key", overdue_key (overdue->pdata[i]), g_free);
      gtk_list_box_append (self->overdue_list, row);
    }
  if (n < overdue->len)
    {
      /* Translators: %u is the number of parties due or overdue for a talk */
      g_autofree char *title = g_strdup_printf (_("Show all %u"), overdue->len);

      row = adw_action_row_new ();
      gtk_widget_set_name (row, "show-all");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (show_all_overdue_cb), self);
      gtk_list_box_append (self->overdue_list, row);
    }
}

static gboolean
concerns_page (GStrv types)
{
  if (types == NULL)
    return TRUE;
  for (guint i = 0; types[i] != NULL; i++)
    if (g_str_equal (types[i], "stakeholder") || g_str_equal (types[i], "contact")
        || g_str_equal (types[i], "council"))
      return TRUE;
  return FALSE;
}

static void
store_changed_cb (RaadSpeelveldPage *self,
                  GStrv              types,
                  GStrv              ids)
{
  if (concerns_page (types) && self->refresh_idle_id == 0)
    self->refresh_idle_id = g_idle_add (refresh_idle_cb, self);
}

static void
council_changed_cb (RaadSpeelveldPage *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "current-council");

  if (*id == '\0')
    g_clear_pointer (&id, g_free);
  if (g_strcmp0 (id, self->council_id) == 0)
    return;
  g_free (self->council_id);
  self->council_id = g_steal_pointer (&id);
  refresh_when_shown (self);
}

static void
view_toggled_cb (RaadSpeelveldPage *self,
                 GtkToggleButton   *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  /* A choice made in a narrow window stays. */
  g_clear_pointer (&self->wide_view, g_free);
  show_view (self);
}

static void
party_activated_cb (RaadSpeelveldPage *self,
                    RaadStakeholder   *party)
{
  _raad_speelveld_edit_party (self, party);
}

static void
column_view_activate_cb (RaadSpeelveldPage *self,
                         guint              position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (self->column_view));
  g_autoptr(RaadPartyItem) item = g_list_model_get_item (model, position);

  if (item != NULL)
    _raad_speelveld_edit_party (self, item->party);
}

static void
list_label_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     const char               *property)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* The name stays readable in a narrow window; the other columns scroll. */
  if (g_str_equal (property, "name"))
    gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
list_label_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    const char               *property)
{
  g_autofree char *text = NULL;

  g_object_get (gtk_list_item_get_item (list_item), property, &text, NULL);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text != NULL ? text : "");
}

static void
add_column (RaadSpeelveldPage *self,
            const char        *title,
            const char        *property,
            const char        *sort_property,
            gboolean           numeric,
            gboolean           expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  GtkExpression *expression = gtk_property_expression_new (RAAD_TYPE_PARTY_ITEM, NULL, sort_property);
  GtkSorter *sorter = numeric ? GTK_SORTER (gtk_numeric_sorter_new (expression))
                              : GTK_SORTER (gtk_string_sorter_new (expression));

  g_signal_connect (factory, "setup", G_CALLBACK (list_label_setup_cb), (gpointer) property);
  g_signal_connect (factory, "bind", G_CALLBACK (list_label_bind_cb), (gpointer) property);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (sorter);
  g_object_unref (column);
}

/* Actions */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RaadSpeelveldPage *self = RAAD_SPEELVELD_PAGE (widget);
  double zoom = raad_stakeholder_map_get_zoom (self->map);
  g_autofree char *label = NULL;

  if (g_str_equal (action_name, "speelveld.zoom-in"))
    zoom *= 1.25;
  else if (g_str_equal (action_name, "speelveld.zoom-out"))
    zoom /= 1.25;
  else
    zoom = 1.0;
  raad_stakeholder_map_set_zoom (self->map, zoom);
  label = g_strdup_printf ("%.0f %%", 100 * raad_stakeholder_map_get_zoom (self->map));
  gtk_button_set_label (self->zoom_reset_button, label);
  update_actions (self);
}

static void
new_party_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _raad_speelveld_edit_party (RAAD_SPEELVELD_PAGE (widget), NULL);
}

static RaadStakeholder *
party_of (RaadSpeelveldPage *self,
          GVariant          *parameter)
{
  g_autoptr(RaadRecord) record = raad_record_load (self->store, g_variant_get_string (parameter, NULL), NULL);

  return record != NULL && RAAD_IS_STAKEHOLDER (record) ? RAAD_STAKEHOLDER (g_steal_pointer (&record)) : NULL;
}

static void
party_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RaadSpeelveldPage *self = RAAD_SPEELVELD_PAGE (widget);
  g_autoptr(RaadStakeholder) party = self->store != NULL ? party_of (self, parameter) : NULL;

  if (party == NULL)
    return;
  if (g_str_equal (action_name, "speelveld.edit-party"))
    _raad_speelveld_edit_party (self, party);
  else if (g_str_equal (action_name, "speelveld.log-contact"))
    _raad_speelveld_log_contact (self, party);
  else if (g_str_equal (action_name, "speelveld.delete-party"))
    _raad_speelveld_page_delete_party (self, party);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RaadSpeelveldPage *self = RAAD_SPEELVELD_PAGE (widget);

  if (self->store == NULL || self->council_id == NULL)
    return;
  /* What is shown: the grid when the grid is, else the map. */
  raad_speelveld_export_run (widget, self->store, self->council_id,
                             g_variant_get_string (parameter, NULL),
                             g_strcmp0 (current_view (self), "grid") == 0);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _raad_speelveld_page_set_view (RAAD_SPEELVELD_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
undo_delete (RaadSpeelveldPage *self)
{
  g_autoptr(GPtrArray) removed = g_steal_pointer (&self->removed);
  g_autoptr(GError) error = NULL;

  if (removed == NULL || removed->len == 0)
    return;
  if (!raad_record_undelete_all (removed, &error))
    {
      g_warning ("Could not restore the party: %s", error->message);
      return;
    }
  refresh (self);
}

/* Overrides */

static gboolean
apply_width_cb (gpointer data)
{
  RaadSpeelveldPage *self = data;

  if (self->folded != (adw_flap_get_fold_policy (self->flap) == ADW_FLAP_FOLD_POLICY_ALWAYS))
    {
      adw_flap_set_fold_policy (self->flap, self->folded ? ADW_FLAP_FOLD_POLICY_ALWAYS
                                                         : ADW_FLAP_FOLD_POLICY_AUTO);
      adw_flap_set_reveal_flap (self->flap, !self->folded);
    }
  /* Narrow: the list; wide again: the view the user had, unless they chose since. */
  if (self->narrow && g_strcmp0 (current_view (self), "list") != 0)
    {
      g_autofree char *view = g_strdup (current_view (self));

      _raad_speelveld_page_set_view (self, "list");
      self->wide_view = g_steal_pointer (&view);
    }
  else if (!self->narrow && self->wide_view != NULL)
    {
      g_autofree char *view = g_steal_pointer (&self->wide_view);

      _raad_speelveld_page_set_view (self, view);
    }
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
raad_speelveld_page_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
raad_speelveld_page_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  RaadSpeelveldPage *self = RAAD_SPEELVELD_PAGE (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);
  gboolean narrow = width < NARROW_WIDTH;
  gboolean folded = width < FOLD_WIDTH;

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
  if (narrow != self->narrow || folded != self->folded)
    {
      self->narrow = narrow;
      self->folded = folded;
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_width_cb, g_object_ref (self), NULL);
    }
}

static void
raad_speelveld_page_map (GtkWidget *widget)
{
  RaadSpeelveldPage *self = RAAD_SPEELVELD_PAGE (widget);

  GTK_WIDGET_CLASS (raad_speelveld_page_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

static void
raad_speelveld_page_dispose (GObject *object)
{
  RaadSpeelveldPage *self = RAAD_SPEELVELD_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_idle_id, g_source_remove);
  g_clear_handle_id (&self->prepare_idle_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_SPEELVELD_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->last_toast);
  g_clear_object (&self->items);
  g_clear_pointer (&self->dues, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);

  G_OBJECT_CLASS (raad_speelveld_page_parent_class)->dispose (object);
}

static void
raad_speelveld_page_finalize (GObject *object)
{
  RaadSpeelveldPage *self = RAAD_SPEELVELD_PAGE (object);

  g_free (self->council_id);
  g_free (self->wide_view);

  G_OBJECT_CLASS (raad_speelveld_page_parent_class)->finalize (object);
}

static void
raad_speelveld_page_class_init (RaadSpeelveldPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raad_speelveld_page_dispose;
  object_class->finalize = raad_speelveld_page_finalize;
  widget_class->measure = raad_speelveld_page_measure;
  widget_class->size_allocate = raad_speelveld_page_size_allocate;
  widget_class->map = raad_speelveld_page_map;

  g_type_ensure (RAAD_TYPE_STAKEHOLDER_MAP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/raadswerk/Raadswerk/speelveld/raad-speelveld-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RaadSpeelveldPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, RaadSpeelveldPage, map_button);
  gtk_widget_class_bind_template_child (widget_class, RaadSpeelveldPage, grid_button);
  gtk_widget_class_bind_template_child (widget_class, RaadSpeelveldPage, list_button);
  gtk_widget_class_bind_template_child (widget_class, RaadSpeelveldPage, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, RaadSpeelveldPage, zoom_reset_button);
  gtk_widget_class_bind_template_child (widget_class, RaadSpeelveldPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, RaadSpeelveldPage, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, RaadSpeelveldPage, overdue_count);
  gtk_widget_class_bind_template_child (widget_class, RaadSpeelveldPage, flap);
  gtk_widget_class_bind_template_child (widget_class, RaadSpeelveldPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RaadSpeelveldPage, map);
  gtk_widget_class_bind_template_child (widget_class, RaadSpeelveldPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RaadSpeelveldPage, overdue_list);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, party_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "speelveld.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "speelveld.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "speelveld.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "speelveld.new-party", NULL, new_party_action);
  gtk_widget_class_install_action (widget_class, "speelveld.edit-party", "s", party_action);
  gtk_widget_class_install_action (widget_class, "speelveld.log-contact", "s", party_action);
  gtk_widget_class_install_action (widget_class, "speelveld.delete-party", "s", party_action);
  gtk_widget_class_install_action (widget_class, "speelveld.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "speelveld.export", "s", export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "speelveld.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "speelveld.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "speelveld.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "speelveld.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "speelveld.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "speelveld.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "speelveld.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "speelveld.new-party", NULL);
}

static void
raad_speelveld_page_init (RaadSpeelveldPage *self)
{
  static gsize css_loaded = 0;
  g_autoptr(GtkSortListModel) sorted = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  raad_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));

  if (g_once_init_enter (&css_loaded))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/raadswerk/Raadswerk/speelveld/raad-speelveld.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_unref (provider);
      g_once_init_leave (&css_loaded, 1);
    }

  /* The plain list: every column sorts. */
  self->items = g_list_store_new (RAAD_TYPE_PARTY_ITEM);
  add_column (self, _("Name"), "name", "name", FALSE, TRUE);
  add_column (self, _("Category"), "category", "category-rank", TRUE, FALSE);
  add_column (self, _("Relation"), "relation", "relation", FALSE, FALSE);
  add_column (self, _("Formal right"), "right", "right", FALSE, FALSE);
  add_column (self, _("Last contact"), "last-contact", "last-contact-key", FALSE, FALSE);
  add_column (self, _("Next contact due"), "due", "due-key", FALSE, FALSE);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  {
    GtkSingleSelection *selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));

    gtk_single_selection_set_autoselect (selection, FALSE);
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }

  {
    /* One menu, so that the toolbar fits a 360 px window in Dutch too. */
    g_autoptr(GMenu) menu = g_menu_new ();
    g_autoptr(GMenu) make = g_menu_new ();
    g_autoptr(GMenu) export = g_menu_new ();

    g_menu_append (make, _("_New Party"), "speelveld.new-party");
    g_menu_append (export, _("Export as _PNG…"), "speelveld.export::png");
    g_menu_append (export, _("Export as _SVG…"), "speelveld.export::svg");
    g_menu_append (export, _("Export as P_DF…"), "speelveld.export::pdf");
    g_menu_append (export, _("_Print…"), "speelveld.export::print");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (make));
    g_menu_append_section (menu, NULL, G_MENU_MODEL (export));
    gtk_menu_button_set_menu_model (self->export_button, G_MENU_MODEL (menu));
    gtk_widget_set_visible (GTK_WIDGET (self->export_button), TRUE);
  }
  g_object_bind_property (self->overdue_button, "active", self->flap, "reveal-flap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_toggle_button_set_active (self->overdue_button, TRUE);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::current-council",
                           G_CALLBACK (council_changed_cb), self, G_CONNECT_SWAPPED);
  council_changed_cb (self);
  show_view (self);
}

/* Public API */

void
raad_speelveld_page_set_store (RaadSpeelveldPage *self,
                               RaadStore         *store)
{
  g_return_if_fail (RAAD_IS_SPEELVELD_PAGE (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  refresh_when_shown (self);
  if (self->stale && self->prepare_idle_id == 0)
    self->prepare_idle_id = g_timeout_add_full (G_PRIORITY_LOW, 500, prepare_idle_cb, self, NULL);
}

RaadStore *
raad_speelveld_page_get_store (RaadSpeelveldPage *self)
{
  g_return_val_if_fail (RAAD_IS_SPEELVELD_PAGE (self), NULL);

  return self->store;
}

const char *
raad_speelveld_page_get_council_id (RaadSpeelveldPage *self)
{
  g_return_val_if_fail (RAAD_IS_SPEELVELD_PAGE (self), NULL);

  return self->council_id;
}

/* Private API */

RaadStakeholderMap *
_raad_speelveld_page_get_map (RaadSpeelveldPage *self)
{
  return self->map;
}

GtkColumnView *
_raad_speelveld_page_get_column_view (RaadSpeelveldPage *self)
{
  return self->column_view;
}

GtkListBox *
_raad_speelveld_page_get_overdue_list (RaadSpeelveldPage *self)
{
  return self->overdue_list;
}

const char *
_raad_speelveld_page_get_view (RaadSpeelveldPage *self)
{
  return current_view (self);
}

void
_raad_speelveld_page_set_view (RaadSpeelveldPage *self,
                               const char        *view)
{
  if (g_strcmp0 (view, "grid") == 0)
    gtk_toggle_button_set_active (self->grid_button, TRUE);
  else if (g_strcmp0 (view, "list") == 0)
    gtk_toggle_button_set_active (self->list_button, TRUE);
  else
    gtk_toggle_button_set_active (self->map_button, TRUE);
}

AdwToast *
_raad_speelveld_page_get_last_toast (RaadSpeelveldPage *self)
{
  return self->last_toast;
}

void
_raad_speelveld_page_show_toast (RaadSpeelveldPage *self,
                                 AdwToast          *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_set_object (&self->last_toast, toast);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
}

void
_raad_speelveld_page_refresh (RaadSpeelveldPage *self)
{
  g_clear_handle_id (&self->refresh_idle_id, g_source_remove);
  refresh (self);
}

void
_raad_speelveld_page_delete_party (RaadSpeelveldPage *self,
                                   RaadStakeholder   *party)
{
  g_autoptr(GPtrArray) removed = raad_speelveld_list_contacts (self->store,
                                                               raad_record_get_id (RAAD_RECORD (party)));
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;

  /* The party and its log in one transaction; Undo brings both back. */
  g_ptr_array_insert (removed, 0, g_object_ref (party));
  if (!raad_record_delete_all (removed, &error))
    goto fail;

  g_clear_pointer (&self->removed, g_ptr_array_unref);
  self->removed = g_steal_pointer (&removed);
  /* Translators: %s is the name of a party on the playing field */
  title = g_strdup_printf (_("“%s” deleted"), raad_record_get_string (RAAD_RECORD (party), "name"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete), self, G_CONNECT_SWAPPED);
  _raad_speelveld_page_show_toast (self, toast);
  refresh (self);
  return;

fail:
  g_warning ("Could not delete the party: %s", error->message);
  toast = adw_toast_new (_("Could not delete the party"));
  _raad_speelveld_page_show_toast (self, toast);
}
