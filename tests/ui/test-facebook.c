/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-facebook.c: the face-book through the real window */
#define G_LOG_DOMAIN "test-facebook"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "raad-application.h"
#include "raad-council.h"
#include "raad-council-editor.h"
#include "raad-council-section.h"
#include "raad-facebook-export.h"
#include "raad-facebook-page.h"
#include "raad-member.h"
#include "raad-member-card.h"
#include "raad-member-editor.h"
#include "raad-organisation.h"
#include "raad-preferences-window.h"
#include "raad-query.h"
#include "raad-record-list.h"
#include "raad-screenshot.h"
#include "raad-tag-editor.h"
#include "raad-test-util.h"
#include "raad-ui-test.h"
#include "raad-vcard.h"
#include "raad-vcard-import-dialog.h"
#include "raad-window.h"
#include "raad-window-private.h"

#define TIMEOUT_MS raad_test_timeout_ms (10000)

/* One application for the whole program: windows need a registered one. */
static RaadApplication *app;

typedef struct
{
  RaadStore  *store;
  RaadWindow *window;
} Fixture;

/* Helpers */

static void
fixture_open_window (Fixture *fixture,
                     int      width,
                     int      height)
{
  fixture->window = raad_window_new (app, fixture->store);
  raad_window_set_fixed_size (fixture->window, width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = raad_test_store_new ();
  fixture_open_window (fixture, 1280, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  raad_ui_test_close_toplevels ();
  fixture->window = NULL;
  g_assert_finalize_object (fixture->store);
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, out);
}

static GPtrArray *
find_cards (RaadWindow *window)
{
  GPtrArray *cards = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (_raad_window_get_facebook_page (window)),
                   RAAD_TYPE_MEMBER_CARD, cards);
  return cards;
}

static guint
count_cards (RaadWindow *window)
{
  g_autoptr(GPtrArray) cards = find_cards (window);

  return cards->len;
}

static RaadMemberCard *
find_card (RaadWindow *window,
           const char *member_id)
{
  g_autoptr(GPtrArray) cards = find_cards (window);

  for (guint i = 0; i < cards->len; i++)
    {
      RaadMember *member = raad_member_card_get_member (cards->pdata[i]);

      if (g_strcmp0 (raad_record_get_id (RAAD_RECORD (member)), member_id) == 0
          && !raad_member_card_get_linking_pin (cards->pdata[i]))
        return cards->pdata[i];
    }
  return NULL;
}

static RaadMemberEditor *
find_editor (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RAAD_IS_MEMBER_EDITOR (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Independent of the list models: every live member once, plus once more for every other
 * existing council it is a linking pin of. */
static guint
expected_cards (RaadStore *store)
{
  g_auto(GStrv) ids = raad_store_list_ids (store, "member");
  guint n = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(JsonObject) body = raad_store_get (store, ids[i], NULL);
      const char *own;
      JsonArray *pins;
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_nonnull (body);
      if (json_object_get_boolean_member_with_default (body, "_deleted", FALSE))
        continue;
      own = json_object_get_string_member_with_default (body, "council_id", NULL);
      if (own != NULL && raad_store_exists (store, own))
        n++;
      pins = json_object_has_member (body, "linking_pins")
             ? json_object_get_array_member (body, "linking_pins") : NULL;
      for (guint j = 0; pins != NULL && j < json_array_get_length (pins); j++)
        {
          const char *pin = json_array_get_string_element (pins, j);

          if (g_strcmp0 (pin, own) != 0 && raad_store_exists (store, pin)
              && g_hash_table_add (seen, (gpointer) pin))
            n++;
        }
    }
  return n;
}

/* What the store answers for a search, section by section. */
static guint
expected_search_cards (RaadStore  *store,
                       const char *text)
{
  g_auto(GStrv) councils = raad_store_list_ids (store, "council");
  guint n = 0;

  for (guint i = 0; councils[i] != NULL; i++)
    {
      g_autoptr(RaadQuery) query = raad_query_new ("member");
      g_autoptr(RaadRecordList) list = NULL;

      raad_query_where_equals_or_contains (query, "council_id", "linking_pins", councils[i]);
      raad_query_match (query, text);
      raad_query_match_also_via (query, "council_id");
      list = raad_record_list_new (store, query);
      n += g_list_model_get_n_items (G_LIST_MODEL (list));
    }
  return n;
}

/* What the store answers for a role (or an attention area), section by section. */
static guint
expected_filter_cards (RaadStore  *store,
                       const char *role,
                       const char *area)
{
  g_auto(GStrv) councils = raad_store_list_ids (store, "council");
  guint n = 0;

  for (guint i = 0; councils[i] != NULL; i++)
    {
      g_autoptr(RaadQuery) query = raad_query_new ("member");
      g_autoptr(RaadRecordList) list = NULL;

      raad_query_where_equals_or_contains (query, "council_id", "linking_pins", councils[i]);
      if (role != NULL)
        raad_query_where_equals (query, "role", role);
      if (area != NULL)
        raad_query_where_contains (query, "attention_areas", area);
      list = raad_record_list_new (store, query);
      n += g_list_model_get_n_items (G_LIST_MODEL (list));
    }
  return n;
}

typedef struct
{
  RaadWindow *window;
  guint       expected;
} CountWait;

static gboolean
card_count_is (gpointer data)
{
  CountWait *wait = data;

  return count_cards (wait->window) == wait->expected;
}

static void
assert_card_count (RaadWindow *window,
                   guint       expected)
{
  CountWait wait = { window, expected };

  if (!raad_test_wait_until (card_count_is, &wait, TIMEOUT_MS))
    g_error ("Expected %u cards, the window shows %u", expected, count_cards (window));
}

static gboolean
drop_down_has_choices (gpointer data)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (data)) > 1;
}

static gboolean
mode_is_main (gpointer data)
{
  return g_strcmp0 (_raad_window_get_mode (data), "main") == 0;
}

static void
load_example (Fixture *fixture)
{
  g_assert_cmpstr (_raad_window_get_mode (fixture->window), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.load-example",
                                             NULL));
  g_assert_true (raad_test_wait_until (mode_is_main, fixture->window, TIMEOUT_MS));
  g_assert_cmpuint (raad_store_count (fixture->store, "member"), >, 20);
  assert_card_count (fixture->window, expected_cards (fixture->store));
}

/* A member who sits in one council only and is no linking pin. */
static char *
pick_plain_member (RaadStore *store)
{
  g_auto(GStrv) ids = raad_store_list_ids (store, "member");

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(JsonObject) body = raad_store_get (store, ids[i], NULL);

      if (!json_object_has_member (body, "linking_pins")
          || json_array_get_length (json_object_get_array_member (body, "linking_pins")) == 0)
        return g_strdup (ids[i]);
    }
  g_assert_not_reached ();
}

typedef struct
{
  RaadWindow *window;
  const char *id;
  gboolean    present;
} CardWait;

static gboolean
card_presence_is (gpointer data)
{
  CardWait *wait = data;

  return (find_card (wait->window, wait->id) != NULL) == wait->present;
}

static gboolean
editor_is_open (gpointer data)
{
  return find_editor () != NULL;
}

static RaadMemberEditor *
open_editor_from_card (RaadWindow *window,
                       const char *member_id)
{
  RaadMemberCard *card = find_card (window, member_id);

  g_assert_nonnull (card);
  /* What Enter, Space or a click on a focused card does. */
  gtk_widget_activate (GTK_WIDGET (card));
  g_assert_true (raad_test_wait_until (editor_is_open, NULL, TIMEOUT_MS));
  g_assert_true (raad_member_editor_get_member (find_editor ())
                 == raad_member_card_get_member (card));
  return find_editor ();
}

/* Tests */

static void
test_example (Fixture       *fixture,
              gconstpointer  data)
{
  RaadFacebookPage *page;
  GtkWidget *search;
  guint total, expected;

  load_example (fixture);
  total = count_cards (fixture->window);
  g_test_message ("%u cards for %u members", total, raad_store_count (fixture->store, "member"));
  g_assert_cmpuint (total, >, raad_store_count (fixture->store, "member"));

  /* Every card says who it is. */
  {
    g_autoptr(GPtrArray) cards = find_cards (fixture->window);

    for (guint i = 0; i < cards->len; i++)
      {
        const char *label = raad_member_card_get_label (cards->pdata[i]);
        const char *name = raad_member_get_name (raad_member_card_get_member (cards->pdata[i]));

        g_assert_nonnull (label);
        g_assert_true (g_str_has_prefix (label, name));
      }
  }

  /* Searching, as a user types into the entry. */
  page = _raad_window_get_facebook_page (fixture->window);
  search = raad_ui_test_find_by_id (GTK_WIDGET (page), "search_entry");
  g_assert_true (GTK_IS_SEARCH_ENTRY (search));
  gtk_editable_set_text (GTK_EDITABLE (search), "voed");
  expected = expected_search_cards (fixture->store, "voed");
  g_test_message ("“voed” gives %u cards", expected);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, total);
  assert_card_count (fixture->window, expected);

  /* Ctrl+F's action puts the focus in the search entry. */
  gtk_widget_grab_focus (GTK_WIDGET (raad_ui_test_find_by_id (GTK_WIDGET (page), "new_member_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "facebook.search", NULL));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), search));

  /* The role filter: chairs only. */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  assert_card_count (fixture->window, total);
  {
    GtkDropDown *roles = GTK_DROP_DOWN (raad_ui_test_find_by_id (GTK_WIDGET (page), "role_filter"));
    const char * const *role_ids = raad_member_roles ();
    guint chair = 0;

    while (g_strcmp0 (role_ids[chair], RAAD_ROLE_CHAIR) != 0)
      chair++;
    gtk_drop_down_set_selected (roles, chair + 1);
    expected = expected_filter_cards (fixture->store, RAAD_ROLE_CHAIR, NULL);
    g_test_message ("chairs: %u cards", expected);
    g_assert_cmpuint (expected, >, 0);
    assert_card_count (fixture->window, expected);
    gtk_drop_down_set_selected (roles, 0);
    assert_card_count (fixture->window, total);
  }

  /* The attention-area filter, once the areas are read. */
  {
    GtkDropDown *areas = GTK_DROP_DOWN (raad_ui_test_find_by_id (GTK_WIDGET (page), "area_filter"));
    const char *area;

    g_assert_true (raad_test_wait_until (drop_down_has_choices, areas, TIMEOUT_MS));
    gtk_drop_down_set_selected (areas, 1);
    area = gtk_string_object_get_string (gtk_drop_down_get_selected_item (areas));
    expected = expected_filter_cards (fixture->store, NULL, area);
    g_test_message ("attention area “%s”: %u cards", area, expected);
    g_assert_cmpuint (expected, >, 0);
    assert_card_count (fixture->window, expected);
    gtk_drop_down_set_selected (areas, 0);
    assert_card_count (fixture->window, total);
  }

  /* Nothing matches: the empty state, and Clear Filters brings everyone back. */
  gtk_editable_set_text (GTK_EDITABLE (search), "zzzqqq");
  assert_card_count (fixture->window, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (raad_ui_test_find_by_id (GTK_WIDGET (page),
                                                                            "content_stack"))),
                   ==, "no-results");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "facebook.clear-filters", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  assert_card_count (fixture->window, total);
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *old_rev = NULL;
  g_autofree char *old_area = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GPtrArray) remove_buttons = NULL;
  RaadMemberEditor *editor;
  RaadMemberCard *card;
  RaadTagEditor *areas;
  GtkWidget *name_row;
  JsonArray *stored_areas;
  gboolean has_new = FALSE, has_old = FALSE;

  load_example (fixture);
  id = pick_plain_member (fixture->store);
  old_rev = raad_store_get_rev (fixture->store, id);
  editor = open_editor_from_card (fixture->window, id);

  /* The name, through its entry row. */
  name_row = raad_ui_test_find_by_id (GTK_WIDGET (editor), "name_row");
  g_assert_true (ADW_IS_ENTRY_ROW (name_row));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Wilhelmina Testbeeld");

  /* An attention area removed with its "Remove …" button, one typed and added with Enter. */
  areas = RAAD_TAG_EDITOR (raad_ui_test_find_by_id (GTK_WIDGET (editor), "areas_editor"));
  g_assert_nonnull (areas);
  g_assert_nonnull (raad_tag_editor_get_tags (areas)[0]);
  old_area = g_strdup (raad_tag_editor_get_tags (areas)[0]);
  remove_buttons = g_ptr_array_new ();
  collect_widgets (raad_ui_test_find_by_id (GTK_WIDGET (areas), "pills"), GTK_TYPE_BUTTON, remove_buttons);
  g_assert_cmpuint (remove_buttons->len, >, 0);
  g_signal_emit_by_name (remove_buttons->pdata[0], "clicked");
  gtk_editable_set_text (raad_tag_editor_get_entry (areas), "Voedselveiligheid");
  g_signal_emit_by_name (raad_tag_editor_get_entry (areas), "activate");
  g_assert_true (g_strv_contains (raad_tag_editor_get_tags (areas), "Voedselveiligheid"));
  g_assert_false (g_strv_contains (raad_tag_editor_get_tags (areas), old_area));

  /* A bad date keeps the editor open and saves nothing. */
  gtk_editable_set_text (GTK_EDITABLE (raad_ui_test_find_by_id (GTK_WIDGET (editor), "term_end_row")),
                         "31-12-2027");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (gtk_widget_get_visible (raad_ui_test_find_by_id (GTK_WIDGET (editor), "term_error_label")));
  g_assert_true (find_editor () == editor);
  {
    g_autofree char *rev = raad_store_get_rev (fixture->store, id);

    g_assert_cmpstr (rev, ==, old_rev);
  }
  gtk_editable_set_text (GTK_EDITABLE (raad_ui_test_find_by_id (GTK_WIDGET (editor), "term_end_row")),
                         "2027-12-31");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_editor ());

  /* The store has the new revision... */
  body = raad_store_get (fixture->store, id, NULL);
  g_assert_nonnull (body);
  g_assert_cmpstr (json_object_get_string_member (body, "_rev"), !=, old_rev);
  g_assert_cmpint (atoi (json_object_get_string_member (body, "_rev")), ==, atoi (old_rev) + 1);
  g_assert_cmpstr (json_object_get_string_member (body, "name"), ==, "Wilhelmina Testbeeld");
  g_assert_cmpstr (json_object_get_string_member (body, "term_end"), ==, "2027-12-31");
  stored_areas = json_object_get_array_member (body, "attention_areas");
  for (guint i = 0; i < json_array_get_length (stored_areas); i++)
    {
      has_new |= g_str_equal (json_array_get_string_element (stored_areas, i), "Voedselveiligheid");
      has_old |= g_str_equal (json_array_get_string_element (stored_areas, i), old_area);
    }
  g_assert_true (has_new);
  g_assert_false (has_old);

  /* ... and the card says so. */
  card = find_card (fixture->window, id);
  g_assert_nonnull (card);
  g_assert_true (g_str_has_prefix (raad_member_card_get_label (card), "Wilhelmina Testbeeld, "));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *old_rev = NULL;
  g_autofree char *old_name = NULL;
  RaadMemberEditor *editor;
  RaadMember *member;

  load_example (fixture);
  id = pick_plain_member (fixture->store);
  old_rev = raad_store_get_rev (fixture->store, id);
  editor = open_editor_from_card (fixture->window, id);
  member = raad_member_editor_get_member (editor);
  old_name = g_strdup (raad_member_get_name (member));

  gtk_editable_set_text (GTK_EDITABLE (raad_ui_test_find_by_id (GTK_WIDGET (editor), "name_row")), "Niemand");
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_editor ());
  {
    g_autofree char *rev = raad_store_get_rev (fixture->store, id);

    g_assert_cmpstr (rev, ==, old_rev);
  }
  g_assert_cmpstr (raad_member_get_name (raad_member_card_get_member (find_card (fixture->window,
                                                                               id))),
                   ==, old_name);
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autoptr(JsonObject) tombstone = NULL;
  g_autoptr(JsonObject) restored = NULL;
  RaadMemberEditor *editor;
  AdwToast *toast;
  CardWait gone, back;
  guint total;

  load_example (fixture);
  total = count_cards (fixture->window);
  id = pick_plain_member (fixture->store);
  name = g_strdup (raad_member_get_name (raad_member_card_get_member (find_card (fixture->window,
                                                                                id))));

  /* Delete from the editor: the card goes, the store keeps a tombstone. */
  editor = open_editor_from_card (fixture->window, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  gone = (CardWait) { fixture->window, id, FALSE };
  g_assert_true (raad_test_wait_until (card_presence_is, &gone, TIMEOUT_MS));
  assert_card_count (fixture->window, total - 1);
  tombstone = raad_store_get (fixture->store, id, NULL);
  g_assert_nonnull (tombstone);
  g_assert_true (json_object_get_boolean_member_with_default (tombstone, "_deleted", FALSE));
  g_assert_false (raad_store_exists (fixture->store, id));

  /* The toast's Undo button runs its action with its target. */
  toast = _raad_window_get_last_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_nonnull (adw_toast_get_button_label (toast));
  g_assert_nonnull (adw_toast_get_action_name (toast));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window),
                                                     adw_toast_get_action_name (toast),
                                                     adw_toast_get_action_target_value (toast)));
  back = (CardWait) { fixture->window, id, TRUE };
  g_assert_true (raad_test_wait_until (card_presence_is, &back, TIMEOUT_MS));
  assert_card_count (fixture->window, total);
  restored = raad_store_get (fixture->store, id, NULL);
  g_assert_false (json_object_get_boolean_member_with_default (restored, "_deleted", FALSE));
  g_assert_cmpstr (json_object_get_string_member (restored, "name"), ==, name);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
message_dialog_is_open (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
test_new_organisation (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(RaadOrganisation) organisation = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(RaadRecord) council = NULL;
  g_autofree char *council_id = NULL;
  AdwMessageDialog *dialog;

  g_assert_cmpstr (_raad_window_get_mode (fixture->window), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-organisation",
                                             NULL));
  g_assert_true (raad_test_wait_until (message_dialog_is_open, NULL, TIMEOUT_MS));
  dialog = find_message_dialog ();
  collect_widgets (adw_message_dialog_get_extra_child (dialog), ADW_TYPE_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);

  /* Start is only possible with both names. */
  gtk_editable_set_text (GTK_EDITABLE (rows->pdata[0]), "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (GTK_EDITABLE (rows->pdata[0]), "Zorggroep Testland");
  gtk_editable_set_text (GTK_EDITABLE (rows->pdata[1]), "CCR Testland");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  adw_message_dialog_response (dialog, "create");
  g_assert_true (raad_test_wait_until (mode_is_main, fixture->window, TIMEOUT_MS));

  organisation = raad_organisation_load_default (fixture->store);
  g_assert_nonnull (organisation);
  g_assert_cmpstr (raad_organisation_get_name (organisation), ==, "Zorggroep Testland");
  council_id = g_settings_get_string (settings, "current-council");
  council = raad_record_load (fixture->store, council_id, NULL);
  g_assert_true (RAAD_IS_COUNCIL (council));
  g_assert_cmpstr (raad_council_get_name (RAAD_COUNCIL (council)), ==, "CCR Testland");
  g_assert_true (raad_council_is_central (RAAD_COUNCIL (council)));
  assert_card_count (fixture->window, 0);
}

static RaadCouncilEditor *
find_council_editor (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RAAD_IS_COUNCIL_EDITOR (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
council_editor_is_open (gpointer data)
{
  return find_council_editor () != NULL;
}

typedef struct
{
  RaadWindow *window;
  const char *title;
} TitleWait;

static gboolean
section_title_shown (gpointer data)
{
  TitleWait *wait = data;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (_raad_window_get_facebook_page (wait->window)), GTK_TYPE_LABEL,
                   labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_buildable_get_buildable_id (labels->pdata[i]), "title_label") == 0
        && g_strcmp0 (gtk_label_get_label (labels->pdata[i]), wait->title) == 0)
      return TRUE;
  return FALSE;
}

static void
test_council_editor (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(GStrv) councils = NULL;
  g_autoptr(JsonObject) body = NULL;
  RaadFacebookPage *page;
  RaadCouncilEditor *editor;
  GtkWidget *error_label;
  TitleWait wait;
  guint total;

  load_example (fixture);
  total = count_cards (fixture->window);
  councils = raad_store_list_ids (fixture->store, "council");

  /* The edit button of a section, by its action. */
  page = _raad_window_get_facebook_page (fixture->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "facebook.edit-council", "s",
                                             councils[0]));
  g_assert_true (raad_test_wait_until (council_editor_is_open, NULL, TIMEOUT_MS));
  editor = find_council_editor ();

  /* A council with members is not deleted, and the editor says why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  error_label = raad_ui_test_find_by_id (GTK_WIDGET (editor), "error_label");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "member"));
  g_assert_true (raad_store_exists (fixture->store, councils[0]));

  /* Renaming it renames its section. */
  gtk_editable_set_text (GTK_EDITABLE (raad_ui_test_find_by_id (GTK_WIDGET (editor), "name_row")),
                         "Raad van de Proef");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_council_editor ());
  body = raad_store_get (fixture->store, councils[0], NULL);
  g_assert_cmpstr (json_object_get_string_member (body, "name"), ==, "Raad van de Proef");
  wait = (TitleWait) { fixture->window, "Raad van de Proef" };
  g_assert_true (raad_test_wait_until (section_title_shown, &wait, TIMEOUT_MS));
  assert_card_count (fixture->window, total);
}

static RaadVcardImportDialog *
find_import_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RAAD_IS_VCARD_IMPORT_DIALOG (l->data))
      return l->data;
  return NULL;
}

static void
members_added_cb (RaadVcardImportDialog *dialog,
                  guint                  n,
                  guint                 *out)
{
  *out = n;
}

static void
test_vcard_import (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char cards[] =
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Teun Testkaart\r\nORG:Elders;Raad die niet bestaat\r\n"
    "EMAIL:teun@example.org\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Toos Testkaart\r\nEND:VCARD\r\n";
  static const char broken[] =
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Half\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (cards, sizeof cards - 1);
  g_autoptr(GBytes) broken_bytes = g_bytes_new_static (broken, sizeof broken - 1);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) councils = NULL;
  RaadVcardImportDialog *dialog;
  GtkWidget *add_button;
  guint total, added = 0;

  load_example (fixture);
  total = count_cards (fixture->window);
  councils = raad_store_list_ids (fixture->store, "council");

  /* A broken file: the parser says which line, nothing is added. */
  g_assert_null (raad_vcard_parse (fixture->store, broken_bytes, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Line "));
  g_clear_error (&error);

  members = raad_vcard_parse (fixture->store, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 2);
  raad_vcard_import_dialog_new (fixture->store, members, councils[1]);
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "members-added", G_CALLBACK (members_added_cb), &added);
  gtk_window_present (GTK_WINDOW (dialog));

  /* Who will be added, and the button says how many. */
  collect_widgets (raad_ui_test_find_by_id (GTK_WIDGET (dialog), "members_group"), ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  add_button = raad_ui_test_find_by_id (GTK_WIDGET (dialog), "add_button");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (add_button)), ==, "_Add 2 Members");
  g_assert_true (gtk_widget_get_visible (raad_ui_test_find_by_id (GTK_WIDGET (dialog), "council_group")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.add", NULL));
  g_assert_cmpuint (added, ==, 2);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_import_dialog ());
  assert_card_count (fixture->window, total + 2);
  g_assert_cmpstr (raad_member_get_council_id (members->pdata[0]), ==, councils[1]);
}

static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *dir = raad_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "face-book.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) pdf_object = NULL;
  PopplerDocument *pdf;
  g_autoptr(GObject) page_object = NULL;
  PopplerPage *page;
  g_autofree char *text = NULL;
  GtkPrintOperationResult result;

  load_example (fixture);

  /* The print operation behind Print…, exporting instead of showing the dialog. */
  result = raad_facebook_print_run (GTK_WIDGET (_raad_window_get_facebook_page (fixture->window)),
                                    fixture->store, NULL, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* Read back: pages, and the first council's chair on the first page. */
  uri = g_filename_to_uri (path, NULL, NULL);
  pdf_object = G_OBJECT (poppler_document_new_from_file (uri, NULL, &error));
  pdf = POPPLER_DOCUMENT (pdf_object);
  g_assert_no_error (error);
  g_test_message ("printed %d pages", poppler_document_get_n_pages (pdf));
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 2);
  page_object = G_OBJECT (poppler_document_get_page (pdf, 0));
  page = POPPLER_PAGE (page_object);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Centrale Cliëntenraad"));
  raad_test_remove_tree (dir);
}

static void
test_app_actions (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *actions[] = { "preferences", "shortcuts", "about", "quit" };
  g_autoptr(RaadOrganisation) organisation = NULL;
  GtkWindow *preferences, *about;
  GtkWidget *name_row;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *detailed = g_strconcat ("app.", actions[i], NULL);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    detailed);

      g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (app), actions[i]));
      if (!g_str_equal (actions[i], "about"))
        g_assert_nonnull (accels[0]);
    }
  /* The shortcuts window comes from the resources. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));

  load_example (fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = raad_ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (about);

  /* Preferences: the organisation's name is applied to the store. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = raad_ui_test_find_toplevel (RAAD_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  name_row = raad_ui_test_find_by_id (GTK_WIDGET (preferences), "organisation_row");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Zorggroep Hernoemd");
  g_signal_emit_by_name (name_row, "apply");
  organisation = raad_organisation_load_default (fixture->store);
  g_assert_cmpstr (raad_organisation_get_name (organisation), ==, "Zorggroep Hernoemd");
  gtk_window_destroy (preferences);
}

/* Screenshots */

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

static void
take_screenshot (GtkWidget  *window,
                 const char *name,
                 int         max_width)
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
  g_assert_true (raad_test_wait_for (&wait.done, 30000));
  g_assert_no_error (wait.error);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_test_message ("%s: %d × %d", path, gdk_texture_get_width (texture),
                  gdk_texture_get_height (texture));
  /* Nothing forced the window wider than asked. */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, max_width);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *id = NULL;
  RaadMemberEditor *editor;

  take_screenshot (GTK_WIDGET (fixture->window), "welcome-1280x800.png", 1280);

  load_example (fixture);
  take_screenshot (GTK_WIDGET (fixture->window), "facebook-1280x800.png", 1280);

  id = pick_plain_member (fixture->store);
  editor = open_editor_from_card (fixture->window, id);
  take_screenshot (GTK_WIDGET (editor), "member-editor.png", 600);
  gtk_window_destroy (GTK_WINDOW (editor));

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture_open_window (fixture, 360, 720);
  assert_card_count (fixture->window, expected_cards (fixture->store));
  take_screenshot (GTK_WIDGET (fixture->window), "facebook-360.png", 360);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it empties XDG_DATA_DIRS, and GTK then finds neither
   * the icon theme nor the MIME database. The store lives in a temporary folder and the
   * settings in memory (GSETTINGS_BACKEND), so nothing reaches the real home. */
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* GNOME's window buttons (Xvfb has no settings daemon to say so). */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  app = raad_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/ui/facebook/example", Fixture, NULL, fixture_set_up, test_example,
              fixture_tear_down);
  g_test_add ("/ui/facebook/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/ui/facebook/cancel", Fixture, NULL, fixture_set_up, test_cancel,
              fixture_tear_down);
  g_test_add ("/ui/facebook/delete-undo", Fixture, NULL, fixture_set_up, test_delete_undo,
              fixture_tear_down);
  g_test_add ("/ui/facebook/council-editor", Fixture, NULL, fixture_set_up, test_council_editor,
              fixture_tear_down);
  g_test_add ("/ui/facebook/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/ui/facebook/vcard-import", Fixture, NULL, fixture_set_up, test_vcard_import,
              fixture_tear_down);
  g_test_add ("/ui/app/actions", Fixture, NULL, fixture_set_up, test_app_actions,
              fixture_tear_down);
  g_test_add ("/ui/welcome/new-organisation", Fixture, NULL, fixture_set_up,
              test_new_organisation, fixture_tear_down);
  g_test_add ("/ui/facebook/screenshots", Fixture, NULL, fixture_set_up, test_screenshots,
              fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
