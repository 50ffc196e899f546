/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-facebook-page.c: the face-book (smoelenboek): every council with its member cards */
#define G_LOG_DOMAIN "raad-facebook"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "raad-a11y.h"
#include "raad-council.h"
#include "raad-council-editor.h"
#include "raad-council-section.h"
#include "raad-section-list.h"
#include "raad-facebook-export.h"
#include "raad-facebook-page.h"
#include "raad-member.h"
#include "raad-member-editor.h"
#include "raad-record-list.h"
#include "raad-wrap-box.h"

/* The page is a GtkListView over a RaadSectionList (councils, each with its members, from
 * one query), each row a RaadCouncilSection with a flow box of member cards. Search and
 * filters live in a RaadFacebookState: a change gives the section list one new member query,
 * which updates every section's members with exact items-changed; while filtering, councils
 * without matching members drop out. The council filter only hides sections, through a
 * GtkFilterListModel over the few sections.
 *
 * A section builds nothing until the page wants it: all of them while the whole face-book is
 * small, else those near the visible part, and a section far out of sight drops its cards
 * again. The cards in view must be there in the frame that shows the view, so the page
 * works out which they are before the list is laid out: in its own size_allocate (the first
 * frame, a resize), right after a new query (a keystroke), and in a tick callback before the
 * next frame's layout (a scroll, a change from the store). Cards out of view but near it are
 * built over the next frames, a few milliseconds per frame. */

/* Up to this many cards the face-book builds them all; beyond, only those near the view. */
#define SMALL_FACEBOOK 300

struct _RaadFacebookPage
{
  GtkWidget           parent_instance;

  RaadStore          *store;
  RaadFacebookState  *state;
  GSettings          *settings;
  RaadSectionList    *sections;
  GtkFilterListModel *shown_councils;
  GtkCustomFilter    *council_filter_func;
  GtkStringList      *council_names;
  GPtrArray          *council_ids;      /* parallel to council_names, [0] = NULL */
  GtkStringList      *area_names;
  guint               areas_timeout_id;
  guint               areas_idle_id;
  struct _AreaScan   *area_scan;
  guint               update_tick_id;
  guint               rows_idle_id;
  guint               council_filter_idle_id;
  gboolean            small;            /* the face-book, unfiltered, builds all its cards */
  gboolean            updating_filters;

  GtkWidget          *toolbar;
  GtkWidget          *separator;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *council_filter;
  GtkDropDown        *role_filter;
  GtkDropDown        *area_filter;
  GtkStack           *content_stack;
  GtkScrolledWindow  *scrolled_window;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (RaadFacebookPage, raad_facebook_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_content (RaadFacebookPage *self);

static GtkWindow *
get_parent_window (RaadFacebookPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Attention areas: the distinct ones over all members, for the filter. */

static int
compare_collate (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The store has no index over array fields' values, so the areas are read from every
 * member's document: in slices of a few milliseconds from an idle, never for a whole frame. */
typedef struct _AreaScan
{
  GStrv       ids;
  guint       next;
  GHashTable *seen;      /* casefolded area */
  GPtrArray  *areas;
} AreaScan;

static void
area_scan_free (AreaScan *scan)
{
  g_strfreev (scan->ids);
  g_hash_table_unref (scan->seen);
  g_ptr_array_unref (scan->areas);
  g_free (scan);
}

/* Reads members until @budget_usec passed; TRUE when all were read. */
static gboolean
area_scan_step (AreaScan  *scan,
                RaadStore *store,
                gint64     budget_usec)
{
  gint64 deadline = g_get_monotonic_time () + budget_usec;

  /* Listed in the first slice, not when the page is given its store (start-up). */
  if (scan->ids == NULL)
    {
      scan->ids = raad_store_list_ids (store, "member");
      return FALSE;
    }
  while (scan->ids != NULL && scan->ids[scan->next] != NULL)
    {
      g_autoptr(JsonObject) body = raad_store_get (store, scan->ids[scan->next++], NULL);
      JsonArray *array = NULL;

      if (body != NULL && json_object_has_member (body, "attention_areas"))
        array = json_object_get_array_member (body, "attention_areas");
      for (guint j = 0; array != NULL && j < json_array_get_length (array); j++)
        {
          const char *area = json_array_get_string_element (array, j);

          if (area != NULL && *area != '\0'
              && g_hash_table_add (scan->seen, g_utf8_casefold (area, -1)))
            g_ptr_array_add (scan->areas, g_strdup (area));
        }
      if ((scan->next & 31) == 0 && g_get_monotonic_time () > deadline)
        return FALSE;
    }
  return TRUE;
}

static const char *
get_selected_area (RaadFacebookPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->area_filter);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->area_names, selected);
}

static void
apply_areas (RaadFacebookPage *self,
             GPtrArray        *areas)
{
  g_autofree char *selected = g_strdup (get_selected_area (self));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->area_names));
  guint position = 0;

  g_ptr_array_sort (areas, compare_collate);
  g_ptr_array_add (areas, NULL);

  self->updating_filters = TRUE;
  gtk_string_list_splice (self->area_names, 1, n_items - 1, (const char * const *) areas->pdata);
  for (guint i = 0; selected != NULL && areas->pdata[i] != NULL; i++)
    if (g_str_equal (areas->pdata[i], selected))
      position = i + 1;
  gtk_drop_down_set_selected (self->area_filter, position);
  self->updating_filters = FALSE;

  /* The area filtered on is gone: show everyone again. */
  if (selected != NULL && position == 0)
    raad_facebook_state_set_attention_area (self->state, NULL);
}

static gboolean
area_scan_idle (gpointer data)
{
  RaadFacebookPage *self = data;

  if (!area_scan_step (self->area_scan, self->store, 4000))
    return G_SOURCE_CONTINUE;

  apply_areas (self, self->area_scan->areas);
  g_clear_pointer (&self->area_scan, area_scan_free);
  self->areas_idle_id = 0;
  return G_SOURCE_REMOVE;
}

/* (Re)starts reading the areas. */
static void
update_area_filter (RaadFacebookPage *self)
{
  g_clear_pointer (&self->area_scan, area_scan_free);
  if (self->store == NULL)
    {
      g_clear_handle_id (&self->areas_idle_id, g_source_remove);
      return;
    }

  self->area_scan = g_new0 (AreaScan, 1);
  self->area_scan->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->area_scan->areas = g_ptr_array_new_with_free_func (g_free);
  if (self->areas_idle_id == 0)
    self->areas_idle_id = g_idle_add_full (G_PRIORITY_LOW, area_scan_idle, self, NULL);
}

static gboolean
update_area_filter_timeout (gpointer data)
{
  RaadFacebookPage *self = data;

  self->areas_timeout_id = 0;
  update_area_filter (self);
  return G_SOURCE_REMOVE;
}

static void
update_council_filter (RaadFacebookPage *self)
{
  g_autoptr(RaadRecordList) councils = NULL;
  g_autoptr(RaadQuery) query = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *selected_id = raad_facebook_state_get_council_id (self->state);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->council_names));
  guint position = 0;
  guint n;

  if (self->store == NULL)
    return;

  /* All councils, whatever the search: a small list, read once per council change. */
  query = raad_query_new ("council");
  raad_query_order_by (query, "kind", FALSE);
  raad_query_order_by (query, "name", FALSE);
  councils = raad_record_list_new (self->store, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (councils));

  g_ptr_array_set_size (self->council_ids, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaadCouncil) council = g_list_model_get_item (G_LIST_MODEL (councils), i);
      const char *id = raad_record_get_id (RAAD_RECORD (council));

      g_ptr_array_add (names, g_strdup (raad_council_get_name (council)));
      g_ptr_array_add (self->council_ids, g_strdup (id));
      if (g_strcmp0 (id, selected_id) == 0)
        position = i + 1;
    }
  g_ptr_array_add (names, NULL);

  self->updating_filters = TRUE;
  gtk_string_list_splice (self->council_names, 1, n_items - 1,
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->council_filter, position);
  self->updating_filters = FALSE;

  if (selected_id != NULL && position == 0)
    raad_facebook_state_set_council_id (self->state, NULL);
}

/* The council filter's choices (a row each in its popup) are not in the first frame: they
 * come in an idle after it, unless a council is filtered on already. */
static gboolean
council_filter_idle (gpointer data)
{
  RaadFacebookPage *self = data;

  self->council_filter_idle_id = 0;
  update_council_filter (self);
  return G_SOURCE_REMOVE;
}

/* The rows that make searching cheap are read after the first frame, in a thread. */
static gboolean
read_rows_idle (gpointer data)
{
  RaadFacebookPage *self = data;

  self->rows_idle_id = 0;
  if (self->sections != NULL)
    raad_section_list_read_rows (self->sections);
  return G_SOURCE_REMOVE;
}

static void
queue_read_rows (RaadFacebookPage *self)
{
  if (self->rows_idle_id == 0)
    self->rows_idle_id = g_idle_add_full (G_PRIORITY_LOW, read_rows_idle, self, NULL);
}

static void
store_changed_cb (RaadFacebookPage  *self,
                  const char *const *types,
                  const char *const *ids,
                  RaadStore         *store)
{
  if (types == NULL)
    return;
  if (g_strv_contains (types, "council"))
    update_council_filter (self);
  if (g_strv_contains (types, "member") && self->areas_timeout_id == 0)
    self->areas_timeout_id = g_timeout_add (250, update_area_filter_timeout, self);
  queue_read_rows (self);
}

static gboolean
council_filter_func (gpointer item,
                     gpointer user_data)
{
  RaadFacebookPage *self = user_data;
  const char *council_id = raad_facebook_state_get_council_id (self->state);

  return council_id == NULL ||
         g_strcmp0 (raad_record_get_id (raad_section_get_record (item)), council_id) == 0;
}

/* Which sections build their cards, and how many at once. */

/* Decides for a list @width wide showing @height pixels from @value down. Rows are measured
 * in order (the list view leaves rows out of sight where they were, so their allocations say
 * nothing); a section given cards to show now is measured again, as the ones after it move. */
static void
update_sections_at (RaadFacebookPage *self,
                    int               width,
                    int               height,
                    double            value)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint total = 0;
  gboolean all_counted = TRUE, small;
  double y;

  if (width <= 0 || height <= 0)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);

      if (RAAD_IS_COUNCIL_SECTION (child)
          && raad_council_section_get_council (RAAD_COUNCIL_SECTION (child)) != NULL)
        {
          g_ptr_array_add (rows, row);
          total += raad_council_section_get_n_members (RAAD_COUNCIL_SECTION (child));
          all_counted &= raad_council_section_get_counted (RAAD_COUNCIL_SECTION (child));
        }
    }
  /* Whether everything is built depends on the organisation, not on a search: a search in
   * a big one must not build every card it finds. */
  if (all_counted && !raad_facebook_state_get_filtering (self->state))
    self->small = total <= SMALL_FACEBOOK;
  small = self->small;

  y = -value;
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = rows->pdata[i];
      RaadCouncilSection *section = RAAD_COUNCIL_SECTION (gtk_widget_get_first_child (row));
      int row_height = 0;
      double top = y, bottom;
      gboolean wanted = raad_council_section_get_wanted (section);
      guint needed = 0;

      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, NULL, &row_height, NULL, NULL);
      bottom = top + row_height;

      if (bottom > 0 && top < height)
        needed = raad_council_section_get_cards_in (section, width, (int) (height - top));
      /* Wanted from one screen above to two below; dropped beyond four either way. */
      if (small || (bottom > -height && top < 2 * height))
        wanted = TRUE;
      else if (bottom < -4 * height || top > 5 * height)
        wanted = FALSE;

      if (wanted != raad_council_section_get_wanted (section)
          || needed != raad_council_section_get_n_needed (section))
        {
          raad_council_section_set_wanted (section, wanted, needed);
          if (needed > 0)
            gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, NULL, &row_height,
                                NULL, NULL);
        }
      y = top + row_height;
    }
}

/* With the list as it was last laid out. */
static void
update_sections (RaadFacebookPage *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    return;
  update_sections_at (self, gtk_widget_get_width (GTK_WIDGET (self->list_view)),
                      (int) gtk_adjustment_get_page_size (vadjustment),
                      gtk_adjustment_get_value (vadjustment));
}

static gboolean
update_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  RaadFacebookPage *self = RAAD_FACEBOOK_PAGE (widget);

  self->update_tick_id = 0;
  update_sections (self);
  return G_SOURCE_REMOVE;
}

/* Before the next frame is laid out. */
static void
queue_update_sections (RaadFacebookPage *self)
{
  if (self->update_tick_id == 0 && gtk_widget_get_realized (GTK_WIDGET (self)))
    self->update_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), update_tick_cb,
                                                         NULL, NULL);
}

static void
update_content (RaadFacebookPage *self)
{
  const char *page = "list";

  if (self->shown_councils != NULL
      && g_list_model_get_n_items (G_LIST_MODEL (self->shown_councils)) == 0)
    {
      if (raad_facebook_state_get_filtering (self->state)
          || raad_facebook_state_get_council_id (self->state) != NULL)
        page = "no-results";
      else
        page = "no-councils";
    }
  gtk_stack_set_visible_child_name (self->content_stack, page);
}

static void
filters_changed_cb (RaadFacebookPage *self)
{
  g_autoptr(RaadQuery) query = NULL;

  if (self->sections == NULL)
    return;
  /* One query for every section; sections keep few cards meanwhile and grow them back. */
  query = raad_facebook_state_build_member_query (self->state);
  raad_council_section_hold_background (GTK_WIDGET (self));
  raad_section_list_set_show_empty (self->sections,
                                    !raad_facebook_state_get_filtering (self->state));
  raad_section_list_set_item_query (self->sections, query);
  update_content (self);
  /* The cards in view get their members now, for the next frame to show them. */
  update_sections (self);
}

static void
council_id_changed_cb (RaadFacebookPage *self)
{
  if (self->council_filter_func != NULL)
    gtk_filter_changed (GTK_FILTER (self->council_filter_func), GTK_FILTER_CHANGE_DIFFERENT);
  update_content (self);
}

static void
search_changed_cb (RaadFacebookPage *self)
{
  raad_facebook_state_set_search (self->state,
                                  gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
stop_search_cb (RaadFacebookPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
council_filter_selected_cb (RaadFacebookPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->council_filter);

  if (self->updating_filters)
    return;
  raad_facebook_state_set_council_id (self->state,
                                      selected < self->council_ids->len
                                      ? g_ptr_array_index (self->council_ids, selected) : NULL);
}

static void
role_filter_selected_cb (RaadFacebookPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->role_filter);
  const char * const *roles = raad_member_roles ();

  if (self->updating_filters)
    return;
  raad_facebook_state_set_role (self->state,
                                selected > 0 && selected <= g_strv_length ((char **) roles)
                                ? roles[selected - 1] : NULL);
}

static void
area_filter_selected_cb (RaadFacebookPage *self)
{
  if (self->updating_filters)
    return;
  raad_facebook_state_set_attention_area (self->state, get_selected_area (self));
}

/* The council a new member goes in: the one filtered on, else the user's own, else the
 * first. */
static const char *
pick_default_council (RaadFacebookPage *self)
{
  const char *id = raad_facebook_state_get_council_id (self->state);

  if (id == NULL)
    id = raad_facebook_state_get_current_council_id (self->state);
  if ((id == NULL || *id == '\0' || !raad_store_exists (self->store, id))
      && self->council_ids->len > 1)
    id = g_ptr_array_index (self->council_ids, 1);
  return id;
}

/* The page's shortcuts work anywhere in the window; from another page they come here. */
static void
show_page (RaadFacebookPage *self)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);

  if (stack != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    adw_view_stack_set_visible_child (ADW_VIEW_STACK (stack), GTK_WIDGET (self));
}

/* Actions */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  show_page (RAAD_FACEBOOK_PAGE (widget));
  raad_facebook_page_focus_search (RAAD_FACEBOOK_PAGE (widget));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RaadFacebookPage *self = RAAD_FACEBOOK_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->council_filter, 0);
  gtk_drop_down_set_selected (self->role_filter, 0);
  gtk_drop_down_set_selected (self->area_filter, 0);
  raad_facebook_state_clear_filters (self->state);
}

static void
new_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RaadFacebookPage *self = RAAD_FACEBOOK_PAGE (widget);
  GtkWidget *editor;

  if (self->store == NULL)
    return;
  show_page (self);
  if (raad_store_count (self->store, "council") == 0)
    {
      gtk_widget_activate_action (widget, "facebook.new-council", NULL);
      return;
    }
  editor = raad_member_editor_new (self->store, NULL, pick_default_council (self));
  gtk_window_set_transient_for (GTK_WINDOW (editor), get_parent_window (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RaadFacebookPage *self = RAAD_FACEBOOK_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(RaadRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) toplevels = NULL;
  GtkWidget *editor;

  if (self->store == NULL)
    return;
  record = raad_record_load (self->store, id, &error);
  if (record == NULL || !RAAD_IS_MEMBER (record))
    {
      g_warning ("Cannot edit member %s: %s", id, error != NULL ? error->message : "not a member");
      return;
    }

  /* One editor per member: a second activation brings the open one to the front. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (RAAD_IS_MEMBER_EDITOR (l->data)
          && raad_member_editor_get_member (l->data) == RAAD_MEMBER (record))
        {
          gtk_window_present (l->data);
          return;
        }
    }

  editor = raad_member_editor_new (self->store, RAAD_MEMBER (record), NULL);
  gtk_window_set_transient_for (GTK_WINDOW (editor), get_parent_window (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_council_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RaadFacebookPage *self = RAAD_FACEBOOK_PAGE (widget);
  GtkWidget *editor;

  if (self->store == NULL)
    return;
  editor = raad_council_editor_new (self->store, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (editor), get_parent_window (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_council_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RaadFacebookPage *self = RAAD_FACEBOOK_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(RaadRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  if (self->store == NULL)
    return;
  record = raad_record_load (self->store, id, &error);
  if (record == NULL || !RAAD_IS_COUNCIL (record))
    {
      g_warning ("Cannot edit council %s: %s", id,
                 error != NULL ? error->message : "not a council");
      return;
    }
  editor = raad_council_editor_new (self->store, RAAD_COUNCIL (record));
  gtk_window_set_transient_for (GTK_WINDOW (editor), get_parent_window (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RaadFacebookPage *self = RAAD_FACEBOOK_PAGE (widget);

  if (self->store != NULL)
    raad_facebook_export_pdf (widget, self->store, raad_facebook_state_get_council_id (self->state));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RaadFacebookPage *self = RAAD_FACEBOOK_PAGE (widget);

  show_page (self);
  if (self->store != NULL)
    raad_facebook_print (widget, self->store, raad_facebook_state_get_council_id (self->state));
}

static void
export_vcards_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RaadFacebookPage *self = RAAD_FACEBOOK_PAGE (widget);

  if (self->store != NULL)
    raad_facebook_export_vcards (widget, self->store,
                                 raad_facebook_state_get_council_id (self->state));
}

static void
import_vcards_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RaadFacebookPage *self = RAAD_FACEBOOK_PAGE (widget);

  if (self->store != NULL)
    raad_facebook_import_vcards (widget, self->store,
                                 raad_facebook_state_get_council_id (self->state));
}

/* GtkWidget */

/* The toolbar, the separator and the content, top to bottom: a vertical box that works out
 * the sections in view before it lays out the list (a GtkBox has no place to do that). */
static void
raad_facebook_page_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          *minimum += child_min;
          *natural += child_nat;
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }
}

static int
measure_height (GtkWidget *widget,
                int        width)
{
  int height = 0;

  if (gtk_widget_should_layout (widget))
    gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  return height;
}

static void
raad_facebook_page_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  RaadFacebookPage *self = RAAD_FACEBOOK_PAGE (widget);
  int toolbar_height = measure_height (self->toolbar, width);
  int separator_height = measure_height (self->separator, width);
  int content_height = MAX (0, height - toolbar_height - separator_height);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  /* The list is about to get the content's size: its sections in view build their cards
   * now, so that the list measures them in this same layout. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    update_sections_at (self, width, content_height, gtk_adjustment_get_value (vadjustment));

  gtk_widget_allocate (self->toolbar, width, toolbar_height, -1, NULL);
  gtk_widget_allocate (self->separator, width, separator_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, toolbar_height)));
  gtk_widget_allocate (GTK_WIDGET (self->content_stack), width, content_height, -1,
                       gsk_transform_translate (NULL,
                                                &GRAPHENE_POINT_INIT (0, toolbar_height + separator_height)));
}

static GtkSizeRequestMode
raad_facebook_page_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* GObject */

static void
raad_facebook_page_dispose (GObject *object)
{
  RaadFacebookPage *self = RAAD_FACEBOOK_PAGE (object);

  raad_facebook_page_set_store (self, NULL);
  g_clear_handle_id (&self->areas_timeout_id, g_source_remove);
  g_clear_handle_id (&self->areas_idle_id, g_source_remove);
  g_clear_handle_id (&self->rows_idle_id, g_source_remove);
  g_clear_handle_id (&self->council_filter_idle_id, g_source_remove);
  g_clear_pointer (&self->area_scan, area_scan_free);
  if (self->update_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->update_tick_id);
      self->update_tick_id = 0;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_FACEBOOK_PAGE);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  g_clear_object (&self->settings);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  g_clear_object (&self->council_names);
  g_clear_object (&self->area_names);
  g_clear_pointer (&self->council_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (raad_facebook_page_parent_class)->dispose (object);
}

static void
raad_facebook_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RaadFacebookPage *self = RAAD_FACEBOOK_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_facebook_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RaadFacebookPage *self = RAAD_FACEBOOK_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      raad_facebook_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_facebook_page_class_init (RaadFacebookPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raad_facebook_page_dispose;
  object_class->get_property = raad_facebook_page_get_property;
  object_class->set_property = raad_facebook_page_set_property;

  widget_class->measure = raad_facebook_page_measure;
  widget_class->size_allocate = raad_facebook_page_size_allocate;
  widget_class->get_request_mode = raad_facebook_page_get_request_mode;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, RAAD_TYPE_FACEBOOK_STATE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAAD_TYPE_WRAP_BOX);
  g_type_ensure (RAAD_TYPE_COUNCIL_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/facebook/raad-facebook-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RaadFacebookPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, RaadFacebookPage, separator);
  gtk_widget_class_bind_template_child (widget_class, RaadFacebookPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RaadFacebookPage, council_filter);
  gtk_widget_class_bind_template_child (widget_class, RaadFacebookPage, role_filter);
  gtk_widget_class_bind_template_child (widget_class, RaadFacebookPage, area_filter);
  gtk_widget_class_bind_template_child (widget_class, RaadFacebookPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RaadFacebookPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RaadFacebookPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, council_filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_filter_selected_cb);

  gtk_widget_class_install_action (widget_class, "facebook.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "facebook.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "facebook.new-member", NULL, new_member_action);
  gtk_widget_class_install_action (widget_class, "facebook.edit-member", "s", edit_member_action);
  gtk_widget_class_install_action (widget_class, "facebook.new-council", NULL,
                                   new_council_action);
  gtk_widget_class_install_action (widget_class, "facebook.edit-council", "s",
                                   edit_council_action);
  gtk_widget_class_install_action (widget_class, "facebook.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "facebook.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "facebook.export-vcards", NULL,
                                   export_vcards_action);
  gtk_widget_class_install_action (widget_class, "facebook.import-vcards", NULL,
                                   import_vcards_action);
}

static void
raad_facebook_page_init (RaadFacebookPage *self)
{
  g_autoptr(GtkStringList) roles = NULL;
  const char * const *role_ids = raad_member_roles ();
  GtkAdjustment *vadjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  raad_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
  raad_a11y_name_drop_downs (GTK_WIDGET (self));

  self->state = raad_facebook_state_new ();
  g_signal_connect_swapped (self->state, "filters-changed", G_CALLBACK (filters_changed_cb),
                            self);
  g_signal_connect_swapped (self->state, "notify::council-id",
                            G_CALLBACK (council_id_changed_cb), self);

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "term-warning-months", self->state, "term-warning-months",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "show-contact-details", self->state, "show-contact-details",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "current-council", self->state, "current-council-id",
                   G_SETTINGS_BIND_GET);

  self->council_names = gtk_string_list_new ((const char *[]) { _("All councils"), NULL });
  self->council_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->council_ids, NULL);
  gtk_drop_down_set_model (self->council_filter, G_LIST_MODEL (self->council_names));

  roles = gtk_string_list_new ((const char *[]) { _("All roles"), NULL });
  for (guint i = 0; role_ids[i] != NULL; i++)
    gtk_string_list_append (roles, raad_member_role_label (role_ids[i]));
  gtk_drop_down_set_model (self->role_filter, G_LIST_MODEL (roles));

  self->area_names = gtk_string_list_new ((const char *[]) { _("All attention areas"), NULL });
  gtk_drop_down_set_model (self->area_filter, G_LIST_MODEL (self->area_names));

  /* Scrolling, resizing and new content all move sections in or out of view. */
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (queue_update_sections), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "changed", G_CALLBACK (queue_update_sections), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "map", G_CALLBACK (queue_update_sections), self,
                           G_CONNECT_SWAPPED);
}

RaadStore *
raad_facebook_page_get_store (RaadFacebookPage *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_PAGE (self), NULL);

  return self->store;
}

void
raad_facebook_page_set_store (RaadFacebookPage *self,
                              RaadStore        *store)
{
  g_autoptr(RaadQuery) query = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (RAAD_IS_FACEBOOK_PAGE (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
      gtk_list_view_set_model (self->list_view, NULL);
      g_clear_object (&self->shown_councils);
      g_clear_object (&self->council_filter_func);
      g_clear_object (&self->sections);
    }
  g_set_object (&self->store, store);
  raad_facebook_state_set_store (self->state, store);

  if (self->store != NULL)
    {
      g_signal_connect_swapped (self->store, "changed", G_CALLBACK (store_changed_cb), self);

      g_autoptr(RaadQuery) members = raad_facebook_state_build_member_query (self->state);

      query = raad_query_new ("council");
      raad_query_order_by (query, "kind", FALSE);
      raad_query_order_by (query, "name", FALSE);
      self->sections = raad_section_list_new (self->store, query, members, "council_id",
                                              "linking_pins");
      raad_section_list_set_show_empty (self->sections,
                                        !raad_facebook_state_get_filtering (self->state));
      self->council_filter_func = gtk_custom_filter_new (council_filter_func, self, NULL);
      self->shown_councils =
        gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sections)),
                                   g_object_ref (GTK_FILTER (self->council_filter_func)));
      g_signal_connect_swapped (self->shown_councils, "items-changed",
                                G_CALLBACK (update_content), self);
      g_signal_connect_swapped (self->shown_councils, "items-changed",
                                G_CALLBACK (queue_update_sections), self);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown_councils)));
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

      if (raad_facebook_state_get_council_id (self->state) != NULL)
        update_council_filter (self);
      else if (self->council_filter_idle_id == 0)
        self->council_filter_idle_id = g_idle_add_full (G_PRIORITY_LOW, council_filter_idle,
                                                        self, NULL);
      update_area_filter (self);
      queue_read_rows (self);
    }
  update_content (self);
  queue_update_sections (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

RaadFacebookState *
raad_facebook_page_get_state (RaadFacebookPage *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_PAGE (self), NULL);

  return self->state;
}

GListModel *
raad_facebook_page_get_councils (RaadFacebookPage *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_PAGE (self), NULL);

  return G_LIST_MODEL (self->shown_councils);
}

void
raad_facebook_page_queue_update (RaadFacebookPage *self)
{
  g_return_if_fail (RAAD_IS_FACEBOOK_PAGE (self));

  queue_update_sections (self);
}

gboolean
raad_facebook_page_get_loading (RaadFacebookPage *self)
{
  GtkWidget *list;

  g_return_val_if_fail (RAAD_IS_FACEBOOK_PAGE (self), FALSE);

  if (self->update_tick_id != 0 || self->rows_idle_id != 0 || self->council_filter_idle_id != 0
      || (self->sections != NULL && raad_section_list_get_reading_rows (self->sections)))
    return TRUE;
  list = GTK_WIDGET (self->list_view);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);

      if (RAAD_IS_COUNCIL_SECTION (child)
          && raad_council_section_get_loading (RAAD_COUNCIL_SECTION (child)))
        return TRUE;
    }
  return FALSE;
}

void
raad_facebook_page_focus_search (RaadFacebookPage *self)
{
  g_return_if_fail (RAAD_IS_FACEBOOK_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
raad_facebook_page_get_view_complete (RaadFacebookPage *self)
{
  GtkWidget *list;
  int height;

  g_return_val_if_fail (RAAD_IS_FACEBOOK_PAGE (self), FALSE);

  list = GTK_WIDGET (self->list_view);
  if (!gtk_widget_get_mapped (list))
    return TRUE;
  height = gtk_widget_get_height (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);
      graphene_rect_t bounds;

      if (!RAAD_IS_COUNCIL_SECTION (child) || !gtk_widget_get_child_visible (row)
          || !gtk_widget_compute_bounds (child, list, &bounds))
        continue;
      if (bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
        continue;
      if (!raad_council_section_get_complete_above (RAAD_COUNCIL_SECTION (child),
                                                    (int) (height - bounds.origin.y)))
        return FALSE;
    }
  return TRUE;
}
