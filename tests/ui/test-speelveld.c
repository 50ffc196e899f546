/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-speelveld.c: the playing field page through the real window */
#define G_LOG_DOMAIN "test-speelveld"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "raad-application.h"
#include "raad-screenshot.h"
#include "raad-speelveld.h"
#include "raad-speelveld-page.h"
#include "raad-speelveld-page-private.h"
#include "raad-test-util.h"
#include "raad-ui-test.h"
#include "raad-window.h"
#include "raad-window-private.h"

#define TIMEOUT_MS raad_test_timeout_ms (10000)

static RaadApplication *app;
static GtkWidget *current_window;

typedef struct
{
  RaadStore  *store;
  RaadWindow *window;
} Fixture;

static void
open_window (Fixture *fixture,
             int      width,
             int      height)
{
  fixture->window = raad_ui_test_open_window (app, fixture->store, width, height);
  current_window = GTK_WIDGET (fixture->window);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = raad_test_store_new ();
  open_window (fixture, 1280, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  current_window = NULL;
  raad_ui_test_close_toplevels ();
  g_assert_finalize_object (fixture->store);
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *flag)
{
  *flag = TRUE;
}

/* Runs what is pending (the page's refresh idle), then waits for the next painted frame of
 * @widget's window, so that layout has happened. */
static void
settle_widget (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean done = FALSE;
  gulong handler;

  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL)
    return;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &done);
  gtk_widget_queue_draw (widget);
  g_assert_true (raad_test_wait_for (&done, TIMEOUT_MS));
  g_signal_handler_disconnect (clock, handler);
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static void
settle (void)
{
  if (current_window != NULL)
    settle_widget (current_window);
}

static RaadSpeelveldPage *
open_speelveld (RaadWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (raad_ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL));
  GtkWidget *page;

  adw_view_stack_set_visible_child_name (stack, "playing-field");
  page = raad_ui_test_find_widget (GTK_WIDGET (window), RAAD_TYPE_SPEELVELD_PAGE, NULL);
  g_assert_nonnull (page);
  g_assert_true (raad_test_wait_until (raad_ui_test_painted, page, TIMEOUT_MS));
  settle ();
  return RAAD_SPEELVELD_PAGE (page);
}

static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *t = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *a = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          if (g_strcmp0 (t, trigger) == 0 && strstr (a, action) != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

static char *
today_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static double
stored_double (RaadStore  *store,
               const char *id,
               const char *member)
{
  g_autoptr(JsonObject) body = raad_store_get (store, id, NULL);

  g_assert_nonnull (body);
  return json_object_get_double_member_with_default (body, member, -2);
}

static void
test_map (Fixture       *fixture,
          gconstpointer  data)
{
  RaadSpeelveldPage *page;
  RaadStakeholderMap *map;
  GtkColumnView *list;
  GListModel *model;
  GtkWidget *tile;
  g_autoptr(GPtrArray) parties = NULL;
  g_autofree char *party_id = NULL;
  const char *council_id;
  double xy[2 * 32];
  double before_x, before_y;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.load-example", NULL));
  g_assert_true (raad_test_wait_until (raad_ui_test_window_is_main, fixture->window, TIMEOUT_MS));
  page = open_speelveld (fixture->window);
  council_id = raad_speelveld_page_get_council_id (page);
  g_assert_nonnull (council_id);
  map = _raad_speelveld_page_get_map (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (map)));

  /* Every party of the council is a tile; the first (the director) is unplaced. */
  parties = raad_speelveld_list_parties (fixture->store, council_id);
  g_assert_cmpuint (parties->len, >=, 6);
  g_assert_cmpuint (parties->len, <=, 32);
  for (guint i = 0; i < parties->len; i++)
    {
      tile = raad_stakeholder_map_get_tile (map, raad_record_get_id (parties->pdata[i]));
      g_assert_nonnull (tile);
      g_assert_true (gtk_widget_get_focusable (tile) || gtk_widget_get_focus_on_click (tile));
      g_assert_nonnull (strstr (raad_stakeholder_map_tile_get_description (tile),
                                raad_speelveld_category_title (raad_record_get_string (parties->pdata[i], "category"))));
    }
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "speelveld-map-1280x800.png", 1280);
  party_id = g_strdup (raad_record_get_id (parties->pdata[0]));
  raad_speelveld_map_places (parties, xy);
  before_x = xy[0];
  before_y = xy[1];
  g_assert_cmpfloat (stored_double (fixture->store, party_id, "map_x"), <, 0);

  /* Focus its tile and move it right and down with the Alt+arrow bindings' action. */
  g_assert_true (has_shortcut (GTK_WIDGET (map), "<Alt>Right", "map.move"));
  g_assert_true (has_shortcut (GTK_WIDGET (map), "<Alt>Down", "map.move"));
  tile = raad_stakeholder_map_get_tile (map, party_id);
  gtk_widget_grab_focus (tile);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == tile);
  g_assert_true (gtk_widget_activate_action (tile, "map.move", "(dd)", 0.02, 0.0));
  g_assert_true (gtk_widget_activate_action (tile, "map.move", "(dd)", 0.0, 0.04));
  g_assert_cmpfloat_with_epsilon (stored_double (fixture->store, party_id, "map_x"), before_x + 0.02, 1e-9);
  g_assert_cmpfloat_with_epsilon (stored_double (fixture->store, party_id, "map_y"), before_y + 0.04, 1e-9);
  settle ();
  /* The same tile, still focused, after the page read the store again. */
  g_assert_true (raad_stakeholder_map_get_tile (map, party_id) == tile);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == tile);

  /* A drag as the pointer gesture does it: nothing stored until the release. */
  {
    graphene_rect_t bounds;
    g_autoptr(GError) error = NULL;
    double x;

    g_assert_true (gtk_widget_compute_bounds (tile, GTK_WIDGET (map), &bounds));
    x = stored_double (fixture->store, party_id, "map_x");
    raad_stakeholder_map_drag_to (map, party_id, bounds.origin.x + bounds.size.width / 2 - 60,
                                  bounds.origin.y + bounds.size.height / 2);
    settle ();
    g_assert_cmpfloat (stored_double (fixture->store, party_id, "map_x"), ==, x);
    g_assert_true (raad_stakeholder_map_drag_end (map, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat (stored_double (fixture->store, party_id, "map_x"), <, x - 0.01);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "speelveld.zoom-in", NULL));
  g_assert_cmpfloat (raad_stakeholder_map_get_zoom (map), >, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "speelveld.zoom-reset", NULL));
  g_assert_cmpfloat (raad_stakeholder_map_get_zoom (map), ==, 1.0);
  g_assert_true (has_shortcut (GTK_WIDGET (page), "<Control>plus", "speelveld.zoom-in"));
  {
    /* The export menu offers the four formats of the export helper. */
    GtkWidget *export_button = raad_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON, NULL);
    GMenuModel *menu;

    g_assert_nonnull (export_button);
    g_assert_true (gtk_widget_get_visible (export_button));
    menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (export_button));
    g_assert_nonnull (menu);
    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
    {
      g_autoptr(GMenuModel) formats = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);

      g_assert_cmpint (g_menu_model_get_n_items (formats), ==, 4);
    }
  }

  /* The grid: the same tiles, in their quadrants; moving does nothing there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "speelveld.show-view", "s", "grid"));
  g_assert_cmpstr (_raad_speelveld_page_get_view (page), ==, "grid");
  g_assert_true (raad_stakeholder_map_get_grid (map));
  settle ();
  g_assert_true (gtk_widget_get_child_visible (raad_stakeholder_map_get_tile (map, party_id)));
  {
    double x = stored_double (fixture->store, party_id, "map_x");

    gtk_widget_grab_focus (tile);
    g_assert_true (gtk_widget_activate_action (tile, "map.move", "(dd)", 0.02, 0.0));
    g_assert_cmpfloat (stored_double (fixture->store, party_id, "map_x"), ==, x);
  }
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "speelveld-grid-1280x800.png", 1280);

  /* The list: every party, sortable by name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "speelveld.show-view", "s", "list"));
  list = _raad_speelveld_page_get_column_view (page);
  model = G_LIST_MODEL (gtk_column_view_get_model (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, parties->len);
  {
    GListModel *columns = gtk_column_view_get_columns (list);
    g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (columns, 0);
    g_autofree char *previous = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 6);
    gtk_column_view_sort_by_column (list, name_column, GTK_SORT_ASCENDING);
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (model, i);
        g_autofree char *name = NULL;

        g_object_get (item, "name", &name, NULL);
        if (previous != NULL)
          g_assert_cmpint (g_utf8_collate (previous, name), <=, 0);
        g_free (previous);
        previous = g_steal_pointer (&name);
      }
  }
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "speelveld-list-1280x800.png", 1280);
}

static GtkWidget *
overdue_row (RaadSpeelveldPage *page,
             const char        *party_id)
{
  GtkListBox *list = _raad_speelveld_page_get_overdue_list (page);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), party_id) == 0)
      return GTK_WIDGET (row);
  return NULL;
}

static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  RaadSpeelveldPage *page;
  RaadStakeholderMap *map;
  GtkWindow *dialog;
  GtkWidget *tile;
  RaadContactDue *first;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(RaadStakeholder) party = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = today_string ();
  g_autofree char *party_id = NULL;
  const char *council_id;
  guint n_parties;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.load-example", NULL));
  g_assert_true (raad_test_wait_until (raad_ui_test_window_is_main, fixture->window, TIMEOUT_MS));
  page = open_speelveld (fixture->window);
  council_id = raad_speelveld_page_get_council_id (page);
  map = _raad_speelveld_page_get_map (page);

  /* The most overdue party heads the "speak to next" list and is marked on the map. */
  overdue = raad_speelveld_overdue (fixture->store, council_id, today);
  g_assert_cmpuint (overdue->len, >, 0);
  first = overdue->pdata[0];
  g_assert_cmpint (first->state, ==, RAAD_CONTACT_OVERDUE);
  party = g_object_ref (first->party);
  party_id = g_strdup (raad_record_get_id (RAAD_RECORD (party)));
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (_raad_speelveld_page_get_overdue_list (page), 0))
                 == overdue_row (page, party_id));
  tile = raad_stakeholder_map_get_tile (map, party_id);
  g_assert_cmpint (raad_stakeholder_map_tile_get_state (tile), ==, RAAD_CONTACT_OVERDUE);
  g_assert_nonnull (strstr (raad_stakeholder_map_tile_get_description (tile), "Overdue"));
  g_assert_true (gtk_widget_has_css_class (tile, "overdue"));
  g_test_message ("overdue: %s", raad_stakeholder_map_tile_get_description (tile));

  /* The contact form refuses an empty summary and a bad date, and writes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "speelveld.log-contact", "s", party_id));
  dialog = raad_ui_test_find_dialog (page);
  g_assert_nonnull (dialog);
  raad_ui_test_set_field (dialog, "contact-date", "gisteren");
  raad_ui_test_set_field (dialog, "contact-summary", "Kennismaking, afspraken over scholing");
  raad_ui_test_save_dialog (dialog);
  g_assert_true (raad_ui_test_find_dialog (page) == dialog);
  raad_ui_test_set_field (dialog, "contact-date", today);
  raad_ui_test_set_field (dialog, "contact-summary", " ");
  raad_ui_test_save_dialog (dialog);
  g_assert_true (raad_ui_test_find_dialog (page) == dialog);
  contacts = raad_speelveld_list_contacts (fixture->store, party_id);
  g_assert_cmpuint (contacts->len, ==, 0);
  g_clear_pointer (&contacts, g_ptr_array_unref);

  /* Logged: the mark goes, from the tile and from the list. */
  raad_ui_test_set_field (dialog, "contact-summary", "Kennismaking, afspraken over scholing");
  raad_ui_test_set_field (dialog, "contact-participants", "Voorzitter, secretaris");
  raad_ui_test_set_field (dialog, "contact-follow-up", "Scholingsaanbod rondsturen");
  raad_ui_test_save_dialog (dialog);
  g_assert_null (raad_ui_test_find_dialog (page));
  contacts = raad_speelveld_list_contacts (fixture->store, party_id);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpstr (raad_record_get_string (contacts->pdata[0], "date"), ==, today);
  g_assert_cmpstr (raad_record_get_string (contacts->pdata[0], "follow-up"), ==, "Scholingsaanbod rondsturen");
  settle ();
  tile = raad_stakeholder_map_get_tile (map, party_id);
  g_assert_cmpint (raad_stakeholder_map_tile_get_state (tile), ==, RAAD_CONTACT_ON_TRACK);
  g_assert_null (strstr (raad_stakeholder_map_tile_get_description (tile), "Overdue"));
  g_assert_false (gtk_widget_has_css_class (tile, "overdue"));
  g_assert_null (overdue_row (page, party_id));

  /* The editor: new values stored; the log shows the contact. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "speelveld.edit-party", "s", party_id));
  dialog = raad_ui_test_find_dialog (page);
  g_assert_nonnull (dialog);
  {
    GtkWidget *log = raad_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, "contact-log");

    g_assert_nonnull (log);
    g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (log), 0));
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (log), 1));
  }
  raad_ui_test_set_field (dialog, "interests", "Scholing over de Wmcz");
  raad_ui_test_set_field (dialog, "next-contact", "volgende week");
  raad_ui_test_save_dialog (dialog);
  g_assert_true (raad_ui_test_find_dialog (page) == dialog);
  raad_ui_test_set_field (dialog, "next-contact", "2031-01-15");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (raad_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, "influence")), 4);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (raad_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, "rhythm-months")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (raad_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "relation")), 2);
  raad_ui_test_take_screenshot (GTK_WIDGET (dialog), "speelveld-party-editor.png", 520);
  raad_ui_test_save_dialog (dialog);
  g_assert_null (raad_ui_test_find_dialog (page));
  {
    g_autoptr(JsonObject) body = raad_store_get (fixture->store, party_id, NULL);

    g_assert_cmpstr (json_object_get_string_member (body, "interests"), ==, "Scholing over de Wmcz");
    g_assert_cmpstr (json_object_get_string_member (body, "next_contact"), ==, "2031-01-15");
    g_assert_cmpstr (json_object_get_string_member (body, "relation"), ==, "strained");
    g_assert_cmpint (json_object_get_int_member (body, "influence"), ==, 4);
    g_assert_cmpint (json_object_get_int_member (body, "rhythm_months"), ==, 2);
  }

  /* A new party, then delete it with Undo. */
  n_parties = raad_store_count (fixture->store, "stakeholder");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "speelveld.new-party", NULL));
  dialog = raad_ui_test_find_dialog (page);
  g_assert_nonnull (dialog);
  raad_ui_test_save_dialog (dialog);
  g_assert_true (raad_ui_test_find_dialog (page) == dialog);
  raad_ui_test_set_field (dialog, "name", "Vrijwilligerscentrale");
  raad_ui_test_save_dialog (dialog);
  g_assert_null (raad_ui_test_find_dialog (page));
  g_assert_cmpuint (raad_store_count (fixture->store, "stakeholder"), ==, n_parties + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "speelveld.delete-party", "s", party_id));
  g_assert_cmpuint (raad_store_count (fixture->store, "stakeholder"), ==, n_parties);
  g_assert_null (raad_stakeholder_map_get_tile (map, party_id));
  g_signal_emit_by_name (_raad_speelveld_page_get_last_toast (page), "button-clicked");
  g_assert_cmpuint (raad_store_count (fixture->store, "stakeholder"), ==, n_parties + 1);
  g_assert_nonnull (raad_stakeholder_map_get_tile (map, party_id));
  contacts = (g_ptr_array_unref (contacts), raad_speelveld_list_contacts (fixture->store, party_id));
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_no_error (error);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  RaadSpeelveldPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.load-example", NULL));
  g_assert_true (raad_test_wait_until (raad_ui_test_window_is_main, fixture->window, TIMEOUT_MS));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  open_window (fixture, 360, 720);
  page = open_speelveld (fixture->window);

  /* Too narrow for the map: the list, and the user may still choose the map. */
  g_assert_cmpstr (_raad_speelveld_page_get_view (page), ==, "list");
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "speelveld-list-360.png", 360);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "speelveld.show-view", "s", "map"));
  settle ();
  g_assert_cmpstr (_raad_speelveld_page_get_view (page), ==, "map");
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "speelveld-map-360.png", 360);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "speelveld.show-view", "s", "grid"));
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "speelveld-grid-360.png", 360);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  app = raad_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/ui/speelveld/map-grid-list", Fixture, NULL, fixture_set_up, test_map, fixture_tear_down);
  g_test_add ("/ui/speelveld/overdue", Fixture, NULL, fixture_set_up, test_overdue, fixture_tear_down);
  g_test_add ("/ui/speelveld/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
