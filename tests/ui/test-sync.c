/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync.c: the user's side of sync through the real window: conflicts, header, settings */
#define G_LOG_DOMAIN "test-sync"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "raad-application.h"
#include "raad-credentials.h"
#include "raad-conflict-dialog.h"
#include "raad-conflict-dialog-private.h"
#include "raad-council.h"
#include "raad-member.h"
#include "raad-photo-cache.h"
#include "raad-preferences-window.h"
#include "raad-replicator.h"
#include "raad-screenshot.h"
#include "raad-sync-banner.h"
#include "raad-sync-button.h"
#include "raad-sync-preferences-page.h"
#include "raad-test-server.h"
#include "raad-test-util.h"
#include "raad-ui-test.h"
#include "raad-window.h"
#include "raad-window-private.h"

#define TIMEOUT_MS raad_test_timeout_ms (10000)

#define ORG_ID "organisation-linde"
#define KEYRING_PASSWORD "sleutelbos-voor-de-test"

/* One application for the whole program: windows need a registered one. */
static RaadApplication *app;
/* The session bus of this program: a private one, where a keyring runs only when a test
 * starts one. */
static GTestDBus *test_bus;
static GSubprocess *keyring_daemon;
static char *keyring_dir;

typedef struct
{
  RaadStore      *store;
  RaadWindow     *window;
  RaadTestServer *server;
  char       *council_id;
  char       *other_council_id;
  /* The conflict: a member edited on "laptop A" (this store) and "laptop B". */
  char       *member_id;
  char       *rev_a;
  char       *rev_b;
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

/* The organisation document: its id names the server's databases. The same body on every
 * laptop gives the same revision, so two laptops that start alike do not conflict. */
static void
put_organisation (RaadStore *store)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = NULL;

  json_object_set_string_member (body, "name", "Zorggroep De Linde");
  rev = raad_store_put (store, ORG_ID, "organisation", NULL, body, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = raad_test_store_new ();
  fixture->council_id = raad_test_save_council (fixture->store, "Lokale raad De Linde",
                                                RAAD_COUNCIL_LOCAL, "Zwolle");
  fixture->other_council_id = raad_test_save_council (fixture->store, "Centrale cliëntenraad",
                                                      RAAD_COUNCIL_CENTRAL, "Deventer");
  put_organisation (fixture->store);
  fixture_open_window (fixture, 1280, 800);
}

/* The organisation's database and one per council, as raadswerk-admin would make them. */
static void
create_databases (RaadTestServer *server,
                  RaadStore      *store)
{
  g_auto(GStrv) councils = raad_store_list_ids (store, "council");
  g_autofree char *org = raad_sync_database_name (ORG_ID, NULL);
  g_autofree char *org_path = g_strconcat ("/", org, NULL);
  g_autofree char *reply = raad_test_server_request (server, "PUT", org_path, NULL, TRUE, NULL);

  for (guint i = 0; councils[i] != NULL; i++)
    {
      g_autofree char *db = raad_sync_database_name (ORG_ID, councils[i]);
      g_autofree char *path = g_strconcat ("/", db, NULL);
      g_autofree char *answer = raad_test_server_request (server, "PUT", path, NULL, TRUE, NULL);
    }
}

static void
fixture_set_up_server (Fixture       *fixture,
                       gconstpointer  data)
{
  fixture->server = raad_test_server_start (FALSE);
  fixture_set_up (fixture, data);
  create_databases (fixture->server, fixture->store);
}

static gboolean
photos_decoded (gpointer data)
{
  return raad_photo_cache_get_n_pending (raad_photo_cache_get_default ()) == 0;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The face-book may still decode a synced photo in a thread that holds the member. */
  g_assert_true (raad_test_wait_until (photos_decoded, NULL, TIMEOUT_MS));
  raad_ui_test_close_toplevels ();
  g_assert_true (raad_test_wait_until (photos_decoded, NULL, TIMEOUT_MS));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  fixture->window = NULL;
  g_assert_finalize_object (fixture->store);
  g_clear_pointer (&fixture->server, raad_test_server_free);
  g_free (fixture->council_id);
  g_free (fixture->other_council_id);
  g_free (fixture->member_id);
  g_free (fixture->rev_a);
  g_free (fixture->rev_b);
}

/* Widgets built in code carry a widget name instead of a buildable id. */
static GtkWidget *
find_by_name (GtkWidget  *widget,
              const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_name (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* gtk_widget_activate would press a button for 250 ms first. */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
}

G_GNUC_UNUSED /* A document as the replicator sends it: the revision with its "_revisions" path. */
static JsonObject *
export_doc (RaadStore  *store,
            const char *id,
            const char *rev)
{
  g_autoptr(GError) error = NULL;
  JsonObject *doc = raad_store_get_revision (store, id, rev, &error);
  g_auto(GStrv) path = raad_store_get_rev_path (store, id, rev);
  JsonObject *revisions = json_object_new ();
  JsonArray *ids = json_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; path[i]; i++)
    json_array_add_string_element (ids, strchr (path[i], '-') + 1);
  json_object_set_int_member (revisions, "start", g_ascii_strtoll (rev, NULL, 10));
  json_object_set_array_member (revisions, "ids", ids);
  json_object_set_object_member (doc, "_revisions", revisions);
  return doc;
}

static JsonArray *
strings_array (const char *first,
               ...)
{
  JsonArray *array = json_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    json_array_add_string_element (array, s);
  va_end (args);
  return array;
}

/* A small PNG of one colour, as a member's photo. */
static JsonObject *
photo_attachments (guint32 rgba)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 64, 64);
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;
  g_autofree char *base64 = NULL;
  gsize length = 0;
  JsonObject *attachments = json_object_new ();
  JsonObject *photo = json_object_new ();

  gdk_pixbuf_fill (pixbuf, rgba);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &png, &length, "png", &error, NULL));
  g_assert_no_error (error);
  base64 = g_base64_encode ((const guchar *) png, length);
  json_object_set_string_member (photo, "content_type", "image/png");
  json_object_set_string_member (photo, "data", base64);
  json_object_set_object_member (attachments, RAAD_MEMBER_PHOTO, photo);
  return attachments;
}

static JsonObject *
member_body (Fixture    *fixture,
             const char *role,
             const char *email,
             const char *phone,
             JsonArray  *areas)
{
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, "name", "Fenna de Wit");
  json_object_set_string_member (body, "council_id", fixture->council_id);
  json_object_set_string_member (body, "role", role);
  json_object_set_string_member (body, "membership", RAAD_MEMBERSHIP_CLIENT);
  json_object_set_string_member (body, "email", email);
  if (phone != NULL)
    json_object_set_string_member (body, "phone", phone);
  json_object_set_array_member (body, "attention_areas", areas);
  json_object_set_string_member (body, "bio", "Woont sinds 2019 in De Linde.");
  return body;
}

/* Makes a real conflict the way sync does: laptop B gets the member, both laptops edit it,
 * and B's edit is grafted into this store. Laptop A changes the role and the phone; laptop B
 * the e-mail address, the attention areas and the photo. */
static void
make_conflict (Fixture *fixture)
{
  g_autoptr(RaadStore) laptop_b = raad_test_store_new ();
  g_autoptr(JsonObject) base = NULL;
  g_autoptr(JsonObject) edit_a = NULL;
  g_autoptr(JsonObject) edit_b = NULL;
  g_autoptr(JsonObject) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rev0 = NULL;
  g_auto(GStrv) conflicted = NULL;

  fixture->member_id = g_strdup ("member-fenna");
  base = member_body (fixture, RAAD_ROLE_MEMBER, "fenna@example.org", NULL,
                      strings_array ("Zorg", NULL));
  rev0 = raad_store_put (fixture->store, fixture->member_id, "member", NULL, base, &error);
  g_assert_no_error (error);
  doc = export_doc (fixture->store, fixture->member_id, rev0);
  g_assert_true (raad_store_graft (laptop_b, doc, &error));
  g_assert_no_error (error);
  g_clear_pointer (&doc, json_object_unref);

  edit_a = member_body (fixture, RAAD_ROLE_CHAIR, "fenna@example.org", "038 123 4567",
                        strings_array ("Zorg", NULL));
  fixture->rev_a = raad_store_put (fixture->store, fixture->member_id, "member", rev0, edit_a,
                                   &error);
  g_assert_no_error (error);

  edit_b = member_body (fixture, RAAD_ROLE_MEMBER, "f.dewit@example.org", NULL,
                        strings_array ("Zorg", "Wonen", NULL));
  json_object_set_object_member (edit_b, "_attachments", photo_attachments (0x3584e4ff));
  fixture->rev_b = raad_store_put (laptop_b, fixture->member_id, "member", rev0, edit_b, &error);
  g_assert_no_error (error);
  doc = export_doc (laptop_b, fixture->member_id, fixture->rev_b);
  /* The attachment travels inline, as the replicator sends it. */
  {
    g_autoptr(GBytes) photo = raad_store_get_attachment (laptop_b, fixture->member_id,
                                                         RAAD_MEMBER_PHOTO, NULL, &error);
    g_autofree char *base64 = NULL;
    JsonObject *stub;

    g_assert_no_error (error);
    base64 = g_base64_encode (g_bytes_get_data (photo, NULL), g_bytes_get_size (photo));
    stub = json_object_get_object_member (json_object_get_object_member (doc, "_attachments"),
                                          RAAD_MEMBER_PHOTO);
    json_object_remove_member (stub, "stub");
    json_object_set_string_member (stub, "data", base64);
  }
  g_assert_true (raad_store_graft (fixture->store, doc, &error));
  g_assert_no_error (error);

  conflicted = raad_store_list_conflicted (fixture->store);
  g_assert_cmpuint (g_strv_length (conflicted), ==, 1);
  g_assert_cmpstr (conflicted[0], ==, fixture->member_id);
}

/* The index of @rev among the versions the dialog compares. */
static guint
version_index (RaadConflictDialog *dialog,
               const char         *rev)
{
  g_auto(GStrv) revs = _raad_conflict_dialog_dup_revs (dialog);

  for (guint i = 0; revs[i] != NULL; i++)
    if (g_strcmp0 (revs[i], rev) == 0)
      return i;
  g_assert_not_reached ();
  return G_MAXUINT;
}

static RaadConflictDialog *
open_conflict_dialog (Fixture *fixture)
{
  RaadConflictDialog *dialog = raad_conflict_dialog_new (fixture->store);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  return dialog;
}

static void
choose (RaadConflictDialog *dialog,
        const char         *field,
        guint               index)
{
  GtkWidget *button = _raad_conflict_dialog_get_choice (dialog, field, index);

  g_assert_nonnull (button);
  /* As a click or the space bar would. */
  gtk_widget_activate (button);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (button)));
}

static void
assert_one_live_leaf (Fixture    *fixture,
                      JsonObject **body_out)
{
  g_auto(GStrv) live = raad_store_get_leaves (fixture->store, fixture->member_id, FALSE);
  g_auto(GStrv) conflicted = raad_store_list_conflicted (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *winner = raad_store_get_rev (fixture->store, fixture->member_id);

  g_assert_cmpuint (g_strv_length (live), ==, 1);
  g_assert_cmpstr (live[0], ==, winner);
  g_assert_cmpuint (g_strv_length (conflicted), ==, 0);
  *body_out = raad_store_get (fixture->store, fixture->member_id, &error);
  g_assert_no_error (error);
}

static const char *
area (JsonObject *body,
      guint       index)
{
  JsonArray *areas = json_object_get_array_member (body, "attention_areas");

  if (areas == NULL || index >= json_array_get_length (areas))
    return NULL;
  return json_array_get_string_element (areas, index);
}

static gboolean
strv_contains (GStrv       strv,
               const char *s)
{
  return g_strv_contains ((const char * const *) strv, s);
}

/* Tests: the conflict dialog */

static void
test_conflict_merge (Fixture       *fixture,
                     gconstpointer  data)
{
  RaadConflictDialog *dialog;
  g_auto(GStrv) differing = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *winner_before = NULL;
  guint a, b;
  GtkWidget *save_button, *choice;
  JsonObject *photo;
  g_autoptr(GBytes) bytes = NULL;

  make_conflict (fixture);
  winner_before = raad_store_get_rev (fixture->store, fixture->member_id);

  dialog = open_conflict_dialog (fixture);
  g_assert_cmpuint (_raad_conflict_dialog_get_n_records (dialog), ==, 1);
  /* Wide enough: the first record is shown at once, the winner first. */
  g_assert_cmpstr (_raad_conflict_dialog_get_current_id (dialog), ==, fixture->member_id);
  g_assert_cmpuint (version_index (dialog, winner_before), ==, 0);
  a = version_index (dialog, fixture->rev_a);
  b = version_index (dialog, fixture->rev_b);
  g_assert_cmpuint (a + b, ==, 1);

  /* Only the fields that differ get a choice; the ones that agree do not. */
  differing = _raad_conflict_dialog_dup_differing (dialog);
  g_assert_cmpuint (g_strv_length (differing), ==, 5);
  g_assert_true (strv_contains (differing, "role"));
  g_assert_true (strv_contains (differing, "email"));
  g_assert_true (strv_contains (differing, "phone"));
  g_assert_true (strv_contains (differing, "attention_areas"));
  g_assert_true (strv_contains (differing, "_attachments"));
  g_assert_false (strv_contains (differing, "name"));
  g_assert_false (strv_contains (differing, "bio"));
  /* In the order of the member editor: role before e-mail before phone. */
  g_assert_cmpstr (differing[0], ==, "role");
  /* Human words for the values: the role's label, the council's name. */
  choice = _raad_conflict_dialog_get_choice (dialog, "role", a);
  g_assert_nonnull (find_by_name (GTK_WIDGET (dialog), "choice:role:0"));
  {
    g_autofree char *label = NULL;
    GtkWidget *w = choice;

    /* The label inside the check button says "Chair", not "chair". */
    for (w = gtk_widget_get_first_child (w); w != NULL && !GTK_IS_BOX (w);
         w = gtk_widget_get_next_sibling (w))
      ;
    g_assert_nonnull (w);
    label = g_strdup (gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (w))));
    g_assert_cmpstr (label, ==, "Chair");
  }

  /* Take laptop A's role and phone, laptop B's e-mail, areas and photo. */
  choose (dialog, "role", a);
  choose (dialog, "phone", a);
  choose (dialog, "email", b);
  choose (dialog, "attention_areas", b);
  choose (dialog, "_attachments", b);

  save_button = raad_ui_test_find_by_id (GTK_WIDGET (dialog), "save_button");
  g_assert_nonnull (save_button);
  g_assert_true (gtk_widget_is_sensitive (save_button));
  click (save_button);

  assert_one_live_leaf (fixture, &body);
  g_assert_cmpstr (json_object_get_string_member (body, "role"), ==, RAAD_ROLE_CHAIR);
  g_assert_cmpstr (json_object_get_string_member (body, "phone"), ==, "038 123 4567");
  g_assert_cmpstr (json_object_get_string_member (body, "email"), ==, "f.dewit@example.org");
  g_assert_cmpstr (area (body, 0), ==, "Zorg");
  g_assert_cmpstr (area (body, 1), ==, "Wonen");
  g_assert_cmpstr (json_object_get_string_member (body, "name"), ==, "Fenna de Wit");
  g_assert_cmpstr (json_object_get_string_member (body, "council_id"), ==, fixture->council_id);
  g_assert_cmpstr (json_object_get_string_member (body, "type"), ==, "member");
  photo = json_object_get_object_member (json_object_get_object_member (body, "_attachments"),
                                         RAAD_MEMBER_PHOTO);
  g_assert_nonnull (photo);
  bytes = raad_store_get_attachment (fixture->store, fixture->member_id, RAAD_MEMBER_PHOTO,
                                     NULL, NULL);
  g_assert_nonnull (bytes);
  /* The merged version is written on the winning leaf: one generation further. */
  g_assert_cmpint (g_ascii_strtoll (json_object_get_string_member (body, "_rev"), NULL, 10), ==,
                   3);
  {
    g_auto(GStrv) path = raad_store_get_rev_path (fixture->store, fixture->member_id,
                                                  json_object_get_string_member (body, "_rev"));
    g_assert_cmpstr (path[1], ==, winner_before);
  }

  /* The dialog follows: nothing left to review. */
  g_assert_cmpuint (_raad_conflict_dialog_get_n_records (dialog), ==, 0);
  g_assert_null (_raad_conflict_dialog_get_current_id (dialog));
  g_assert_false (gtk_widget_is_sensitive (save_button));
}

static void
test_conflict_keep (Fixture       *fixture,
                    gconstpointer  data)
{
  RaadConflictDialog *dialog;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *winner_before = NULL;
  g_autofree char *keep_name = NULL;
  const char *loser;
  GtkWidget *keep;

  make_conflict (fixture);
  winner_before = raad_store_get_rev (fixture->store, fixture->member_id);
  loser = g_strcmp0 (winner_before, fixture->rev_a) == 0 ? fixture->rev_b : fixture->rev_a;

  dialog = open_conflict_dialog (fixture);
  g_assert_cmpuint (version_index (dialog, loser), ==, 1);
  /* A choice made before "Keep" does not leak into the kept version. */
  choose (dialog, "email", 0);
  keep_name = g_strdup_printf ("keep-%u", version_index (dialog, loser));
  keep = find_by_name (GTK_WIDGET (dialog), keep_name);
  g_assert_nonnull (keep);
  click (keep);

  /* The version kept as it was is the winner now; the other one is a tombstone. */
  assert_one_live_leaf (fixture, &body);
  g_assert_cmpstr (json_object_get_string_member (body, "_rev"), ==, loser);
  {
    g_auto(GStrv) all = raad_store_get_leaves (fixture->store, fixture->member_id, TRUE);
    g_assert_cmpuint (g_strv_length (all), ==, 2);
  }
  if (g_strcmp0 (loser, fixture->rev_b) == 0)
    g_assert_cmpstr (json_object_get_string_member (body, "email"), ==, "f.dewit@example.org");
  else
    g_assert_cmpstr (json_object_get_string_member (body, "role"), ==, RAAD_ROLE_CHAIR);
  g_assert_cmpuint (_raad_conflict_dialog_get_n_records (dialog), ==, 0);
}

/* Two conflicted records: resolving one leaves the other listed. A narrow dialog stacks the
 * versions. */
static void
test_conflict_narrow (Fixture       *fixture,
                      gconstpointer  data)
{
  RaadConflictDialog *dialog;
  GtkWidget *choice, *row;
  AdwLeaflet *leaflet;

  make_conflict (fixture);
  dialog = raad_conflict_dialog_new (fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 720);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (dialog));
  leaflet = ADW_LEAFLET (raad_ui_test_find_by_id (GTK_WIDGET (dialog), "leaflet"));
  g_assert_true (raad_test_wait_until ((gboolean (*) (gpointer)) adw_leaflet_get_folded,
                                       leaflet, TIMEOUT_MS));

  /* The list first; a row opens the comparison. */
  row = find_by_name (GTK_WIDGET (dialog), "record:member-fenna");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  iterate ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "compare");
  choice = _raad_conflict_dialog_get_choice (dialog, "role", 1);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (gtk_widget_get_parent (choice))),
                   ==, GTK_ORIENTATION_VERTICAL);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 360);

  /* Keep the winner: back to the (empty) list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "conflict.keep", "u", 0));
  iterate ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_assert_cmpuint (_raad_conflict_dialog_get_n_records (dialog), ==, 0);
}

/* Screenshots */

typedef struct
{
  GtkWindow *window;
  int        width;
} SizeWait;

static gboolean
surface_has_width (gpointer data)
{
  SizeWait *wait = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (wait->window));

  return surface != NULL && gdk_surface_get_width (surface) == wait->width;
}

/* Resizes an open window and waits until its surface (frame included) is @surface_width wide. */
static void
resize (GtkWindow *window,
        int        width,
        int        height,
        int        surface_width)
{
  SizeWait wait = { window, 0 };
  int opened_height;

  /* First the size it opened at: an answer to that arriving late would undo the new one. */
  gtk_window_get_default_size (window, &wait.width, &opened_height);
  g_assert_true (raad_test_wait_until (surface_has_width, &wait, TIMEOUT_MS));
  wait.width = surface_width;
  gtk_window_set_default_size (window, width, height);
  g_assert_true (raad_test_wait_until (surface_has_width, &wait, TIMEOUT_MS));
}

static void
test_conflict_screenshots (Fixture       *fixture,
                           gconstpointer  data)
{
  RaadConflictDialog *dialog;
  AdwLeaflet *leaflet;

  make_conflict (fixture);
  dialog = raad_conflict_dialog_new (fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1280, 800);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (dialog));
  choose (dialog, "email", 1);
  raad_ui_test_take_screenshot (GTK_WIDGET (dialog), "conflict-1280x800.png", 1280);
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = raad_conflict_dialog_new (fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 720);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (dialog));
  leaflet = ADW_LEAFLET (raad_ui_test_find_by_id (GTK_WIDGET (dialog), "leaflet"));
  g_assert_true (raad_test_wait_until ((gboolean (*) (gpointer)) adw_leaflet_get_folded,
                                       leaflet, TIMEOUT_MS));
  raad_conflict_dialog_select (dialog, fixture->member_id);
  raad_ui_test_take_screenshot (GTK_WIDGET (dialog), "conflict-360.png", 360);
}


/* Sync helpers */

static gpointer
find_by_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_by_type (GtkWidget *widget,
                 GType      type,
                 GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_visible (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_by_type (child, type, out);
}

typedef struct
{
  guint    finished;
  gboolean last_ok;
} Runs;

static void
sync_finished_cb (RaadSync *sync,
                  gboolean  ok,
                  Runs     *runs)
{
  runs->finished++;
  runs->last_ok = ok;
}

typedef struct
{
  Runs  *runs;
  guint  wanted;
} RunsWait;

static gboolean
runs_reached (gpointer data)
{
  RunsWait *wait = data;

  return wait->runs->finished >= wait->wanted;
}

/* Starts a sync run and waits for its end; returns whether it succeeded. */
static gboolean
sync_once (RaadSync *sync)
{
  Runs runs = { 0 };
  RunsWait wait = { &runs, 1 };
  gulong handler = g_signal_connect (sync, "finished", G_CALLBACK (sync_finished_cb), &runs);

  raad_sync_start (sync);
  g_assert_true (raad_test_wait_until (runs_reached, &wait, raad_test_timeout_ms (30000)));
  g_signal_handler_disconnect (sync, handler);
  return runs.last_ok;
}

/* Waits for the run that is going on (or about to start). */
static gboolean
wait_run (RaadSync *sync)
{
  Runs runs = { 0 };
  RunsWait wait = { &runs, 1 };
  gulong handler = g_signal_connect (sync, "finished", G_CALLBACK (sync_finished_cb), &runs);

  g_assert_true (raad_test_wait_until (runs_reached, &wait, raad_test_timeout_ms (30000)));
  g_signal_handler_disconnect (sync, handler);
  return runs.last_ok;
}

/* Clicks the header's button and waits for the run it starts (it may end within the click). */
static gboolean
click_and_wait_run (GtkWidget *button,
                    RaadSync  *sync)
{
  Runs runs = { 0 };
  RunsWait wait = { &runs, 1 };
  gulong handler = g_signal_connect (sync, "finished", G_CALLBACK (sync_finished_cb), &runs);

  click (button);
  g_assert_true (raad_test_wait_until (runs_reached, &wait, raad_test_timeout_ms (30000)));
  g_signal_handler_disconnect (sync, handler);
  return runs.last_ok;
}

static gboolean
page_idle (gpointer data)
{
  return !raad_sync_preferences_page_get_busy (data);
}

static gboolean
banner_idle (gpointer data)
{
  return !raad_sync_banner_get_busy (data);
}

static void
type_into (GtkWidget  *root,
           const char *id,
           const char *text)
{
  GtkWidget *row = raad_ui_test_find_by_id (root, id);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
label_text (GtkWidget  *root,
            const char *id)
{
  GtkWidget *label = raad_ui_test_find_by_id (root, id);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static RaadSyncPreferencesPage *
open_sync_preferences (GtkWindow **preferences)
{
  RaadSyncPreferencesPage *page;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  *preferences = raad_ui_test_find_toplevel (RAAD_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (*preferences);
  page = find_by_type (GTK_WIDGET (*preferences), RAAD_TYPE_SYNC_PREFERENCES_PAGE);
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (*preferences),
                                           ADW_PREFERENCES_PAGE (page));
  g_assert_true (raad_test_wait_until (page_idle, page, TIMEOUT_MS));
  return page;
}

static void
click_and_wait (RaadSyncPreferencesPage *page,
                const char              *id)
{
  click (raad_ui_test_find_by_id (GTK_WIDGET (page), id));
  g_assert_true (raad_test_wait_until (page_idle, page, raad_test_timeout_ms (30000)));
}

static RaadSyncButton *
window_sync_button (RaadWindow *window)
{
  return RAAD_SYNC_BUTTON (raad_ui_test_find_by_id (GTK_WIDGET (window), "sync_button"));
}

static gboolean
revealed (GtkWidget  *root,
          const char *id)
{
  GtkWidget *revealer = raad_ui_test_find_by_id (root, id);

  g_assert_true (GTK_IS_REVEALER (revealer));
  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static gboolean
keyring_available (void)
{
  return keyring_daemon != NULL;
}

/* A server that accepts connections and never answers: a sync against it stays "syncing"
 * until it is stopped, long enough to look at. */
typedef struct
{
  GSocketService *service;
  GPtrArray      *connections;
  char           *url;
} SilentServer;

static gboolean
silent_incoming_cb (GSocketService    *service,
                    GSocketConnection *connection,
                    GObject           *source,
                    gpointer           user_data)
{
  g_ptr_array_add (user_data, g_object_ref (connection));
  return TRUE;
}

static SilentServer *
silent_server_new (void)
{
  SilentServer *silent = g_new0 (SilentServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  silent->service = g_socket_service_new ();
  silent->connections = g_ptr_array_new_with_free_func (g_object_unref);
  g_socket_listener_add_address (G_SOCKET_LISTENER (silent->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL, &effective,
                                 &error);
  g_assert_no_error (error);
  g_signal_connect (silent->service, "incoming", G_CALLBACK (silent_incoming_cb),
                    silent->connections);
  g_socket_service_start (silent->service);
  silent->url = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (
                                   G_INET_SOCKET_ADDRESS (effective)));
  return silent;
}

static void
silent_server_free (SilentServer *silent)
{
  g_socket_service_stop (silent->service);
  g_socket_listener_close (G_SOCKET_LISTENER (silent->service));
  g_object_unref (silent->service);
  g_ptr_array_unref (silent->connections);
  g_free (silent->url);
  g_free (silent);
}

static void
configure (RaadSync       *sync,
           RaadTestServer *server)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (raad_sync_set_account (sync, raad_test_server_get_url (server),
                                        RAAD_TEST_SERVER_ADMIN, NULL, &error));
  g_assert_no_error (error);
  raad_sync_set_password (sync, RAAD_TEST_SERVER_ADMIN_PASSWORD);
}

/* Tests: the preferences */

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  RaadSync *sync = raad_window_get_sync (fixture->window);
  RaadSyncButton *button = window_sync_button (fixture->window);
  RaadSyncPreferencesPage *page;
  GtkWindow *preferences;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *access_group;
  gboolean found_council = FALSE;

  g_assert_nonnull (sync);
  /* Not set up: no sync button in the header. */
  g_assert_false (raad_sync_is_configured (sync));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));

  page = open_sync_preferences (&preferences);
  g_assert_false (gtk_widget_get_visible (raad_ui_test_find_by_id (GTK_WIDGET (page), "status_group")));

  /* Nothing typed: the page says what is missing. */
  click_and_wait (page, "test_button");
  g_assert_cmpstr (label_text (GTK_WIDGET (page), "message_label"), ==,
                   "Enter the server’s address, for example https://sync.example.org.");

  /* A wrong password: plain words, nothing saved. */
  type_into (GTK_WIDGET (page), "url_row", raad_test_server_get_url (fixture->server));
  type_into (GTK_WIDGET (page), "user_row", RAAD_TEST_SERVER_ADMIN);
  type_into (GTK_WIDGET (page), "password_row", "niet-het-wachtwoord");
  click_and_wait (page, "connect_button");
  g_assert_cmpstr (label_text (GTK_WIDGET (page), "message_label"), ==,
                   "Wrong user name or password.");
  g_assert_false (raad_sync_is_configured (sync));
  g_assert_false (gtk_widget_get_visible (raad_ui_test_find_by_id (GTK_WIDGET (page), "access_group")));

  /* A server that is not there. */
  {
    g_autoptr(RaadTestServer) gone = raad_test_server_start (FALSE);
    g_autofree char *url = g_strdup (raad_test_server_get_url (gone));

    raad_test_server_kill (gone);
    type_into (GTK_WIDGET (page), "url_row", url);
    type_into (GTK_WIDGET (page), "password_row", RAAD_TEST_SERVER_ADMIN_PASSWORD);
    click_and_wait (page, "test_button");
    g_assert_true (g_str_has_prefix (label_text (GTK_WIDGET (page), "message_label"),
                                     "The server cannot be reached ("));
  }

  /* The right account: the test lists what it may read and write. */
  type_into (GTK_WIDGET (page), "url_row", raad_test_server_get_url (fixture->server));
  click_and_wait (page, "test_button");
  g_assert_cmpstr (label_text (GTK_WIDGET (page), "message_label"), ==,
                   "The connection works. Below is what this account may do.");
  g_assert_false (raad_sync_is_configured (sync));
  access_group = raad_ui_test_find_by_id (GTK_WIDGET (page), "access_group");
  g_assert_true (gtk_widget_get_visible (access_group));
  collect_by_type (access_group, ADW_TYPE_ACTION_ROW, rows);
  /* The organisation and its two councils. */
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "The whole organisation");
  for (guint i = 0; i < rows->len; i++)
    {
      g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[i]), ==,
                       "Reads and writes its records");
      found_council |= g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]),
                                  "Lokale raad De Linde") == 0;
    }
  g_assert_true (found_council);

  /* Connect: saved, synced, in the header. */
  click_and_wait (page, "connect_button");
  g_assert_true (raad_sync_is_configured (sync));
  g_assert_cmpstr (raad_sync_get_url (sync), ==, raad_test_server_get_url (fixture->server));
  g_assert_cmpstr (raad_sync_get_user (sync), ==, RAAD_TEST_SERVER_ADMIN);
  g_assert_true (raad_sync_has_password (sync));
  /* The password is in no file: not in the store's local table. */
  g_assert_null (raad_store_get_local (fixture->store, "sync:password"));
  if (keyring_available ())
    g_assert_cmpstr (label_text (GTK_WIDGET (page), "message_label"), ==,
                     "Connected. The password is kept in the keyring, and sync runs by itself "
                     "from now on.");
  else
    /* Without a keyring it works for the session, and says so. */
    g_assert_cmpstr (label_text (GTK_WIDGET (page), "message_label"), ==,
                     "Connected. The password could not be kept in the keyring: no keyring "
                     "service is running on this computer. Sync works until you close "
                     "Raadswerk; then enter the password here again.");
  if (raad_sync_get_state (sync) == RAAD_SYNC_STATE_SYNCING)
    g_assert_true (wait_run (sync));
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_IDLE);
  g_assert_nonnull (raad_sync_get_last_sync (sync));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_get_visible (raad_ui_test_find_by_id (GTK_WIDGET (page), "status_group")));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (
                                     ADW_ACTION_ROW (raad_ui_test_find_by_id (GTK_WIDGET (page),
                                                                 "status_row"))),
                                   "Synced at "));
  /* The organisation reached the server. */
  {
    g_autofree char *db = raad_sync_database_name (ORG_ID, NULL);
    g_autofree char *path = g_strdup_printf ("/%s/%s", db, ORG_ID);
    g_autofree char *doc = raad_test_server_request (fixture->server, "GET", path, NULL, FALSE,
                                                     NULL);
    g_assert_nonnull (strstr (doc, "Zorggroep De Linde"));
  }

  resize (preferences, 1280, 800, 1280);
  raad_ui_test_take_screenshot (GTK_WIDGET (preferences), "preferences-sync-1280x800.png", 1280);
  /* AdwPreferencesWindow 1.2 asks 360 pixels for its content, the window's border comes on
   * top; the sync page itself asks no more than that. */
  resize (preferences, 360, 720, 370);
  raad_ui_test_take_screenshot (GTK_WIDGET (preferences), "preferences-sync-360.png", 370);

  /* Disconnect, after a question: no account, every record kept. */
  click (raad_ui_test_find_by_id (GTK_WIDGET (page), "disconnect_button"));
  {
    AdwMessageDialog *question = raad_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (question);
    g_assert_cmpstr (adw_message_dialog_get_heading (question), ==,
                     "Disconnect from the Server?");
    adw_message_dialog_response (question, "disconnect");
  }
  g_assert_true (raad_test_wait_until (page_idle, page, TIMEOUT_MS));
  g_assert_false (raad_sync_is_configured (sync));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_false (gtk_widget_get_visible (raad_ui_test_find_by_id (GTK_WIDGET (page), "status_group")));
  g_assert_cmpstr (label_text (GTK_WIDGET (page), "message_label"), ==,
                   "Disconnected. Every record is still on this laptop.");
  g_assert_true (raad_store_exists (fixture->store, fixture->council_id));
}

/* Tests: the header */

static void
test_header (Fixture       *fixture,
             gconstpointer  data)
{
  RaadSync *sync = raad_window_get_sync (fixture->window);
  RaadSyncButton *button = window_sync_button (fixture->window);
  GtkWidget *inner = raad_ui_test_find_by_id (GTK_WIDGET (button), "button");
  GtkWindow *preferences;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *synced_at = NULL;
  SilentServer *silent;

  /* Synced: the time of the last good sync. */
  configure (sync, fixture->server);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_true (sync_once (sync));
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_IDLE);
  g_assert_cmpstr (raad_sync_button_get_icon_name (button), ==, "emblem-synchronizing-symbolic");
  now = g_date_time_to_local (raad_sync_get_last_sync (sync));
  synced_at = g_date_time_format (now, "Synced at %H:%M\nClick to sync now");
  g_assert_cmpstr (raad_sync_button_get_status (button), ==, synced_at);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (inner), ==, synced_at);
  g_assert_false (revealed (GTK_WIDGET (fixture->window), "progress_revealer"));
  g_assert_false (revealed (GTK_WIDGET (fixture->window), "problem_revealer"));
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "header-synced-1280x800.png", 1280);

  /* Syncing: a server that never answers keeps the run going until it is stopped. */
  silent = silent_server_new ();
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (raad_sync_set_account (sync, silent->url, RAAD_TEST_SERVER_ADMIN, NULL,
                                          &error));
    g_assert_no_error (error);
  }
  raad_sync_set_password (sync, RAAD_TEST_SERVER_ADMIN_PASSWORD);
  click (inner);
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_SYNCING);
  g_assert_null (raad_sync_button_get_icon_name (button));
  g_assert_true (g_str_has_prefix (raad_sync_button_get_status (button), "Syncing…"));
  g_assert_true (revealed (GTK_WIDGET (fixture->window), "progress_revealer"));
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "header-syncing-1280x800.png", 1280);
  /* Still syncing after the picture: nothing answered. */
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_SYNCING);
  raad_sync_stop (sync);
  wait_run (sync);
  g_assert_cmpint (raad_sync_get_state (sync), !=, RAAD_SYNC_STATE_SYNCING);
  g_assert_false (revealed (GTK_WIDGET (fixture->window), "progress_revealer"));
  silent_server_free (silent);

  /* Offline: the server is gone. */
  configure (sync, fixture->server);
  raad_test_server_kill (fixture->server);
  click_and_wait_run (inner, sync);
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_OFFLINE);
  g_assert_cmpstr (raad_sync_button_get_icon_name (button), ==, "network-offline-symbolic");
  g_assert_true (g_str_has_prefix (raad_sync_button_get_status (button),
                                   "Offline: The server cannot be reached"));
  g_assert_nonnull (strstr (raad_sync_button_get_status (button),
                            "Raadswerk tries again by itself. Synced at "));
  /* Offline is no banner: the app works offline. */
  g_assert_false (revealed (GTK_WIDGET (fixture->window), "problem_revealer"));
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "header-offline-1280x800.png", 1280);

  /* An error with its reason: the server is back, the password is wrong. */
  raad_test_server_restart (fixture->server);
  create_databases (fixture->server, fixture->store);
  raad_sync_set_password (sync, "niet-het-wachtwoord");
  click_and_wait_run (inner, sync);
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_ERROR);
  g_assert_cmpstr (raad_sync_button_get_icon_name (button), ==, "dialog-warning-symbolic");
  g_assert_cmpstr (raad_sync_button_get_status (button), ==,
                   "Sync stopped: Wrong user name or password\nClick to open the sync settings");
  g_assert_true (revealed (GTK_WIDGET (fixture->window), "problem_revealer"));
  g_assert_cmpstr (label_text (GTK_WIDGET (fixture->window), "problem_label"), ==,
                   "Sync stopped: Wrong user name or password.");
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "header-error-1280x800.png", 1280);

  /* In an error a click opens the sync settings (a retry would fail the same way). */
  click (inner);
  preferences = raad_ui_test_find_toplevel (RAAD_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (
                     ADW_PREFERENCES_WINDOW (preferences)), ==, "sync");
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_ERROR);
  {
    RaadSyncPreferencesPage *page = find_by_type (GTK_WIDGET (preferences),
                                                  RAAD_TYPE_SYNC_PREFERENCES_PAGE);

    g_assert_true (raad_test_wait_until (page_idle, page, TIMEOUT_MS));
    g_assert_cmpstr (adw_action_row_get_subtitle (
                       ADW_ACTION_ROW (raad_ui_test_find_by_id (GTK_WIDGET (page), "status_row"))), ==,
                     "Sync stopped: Wrong user name or password");
  }
  gtk_window_destroy (preferences);

  /* The same at 360 pixels. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture_open_window (fixture, 360, 720);
  sync = raad_window_get_sync (fixture->window);
  button = window_sync_button (fixture->window);
  raad_sync_set_password (sync, "niet-het-wachtwoord");
  g_assert_false (sync_once (sync));
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_ERROR);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "header-error-360.png", 360);
  raad_sync_set_password (sync, RAAD_TEST_SERVER_ADMIN_PASSWORD);
  g_assert_true (sync_once (sync));
  g_assert_true (g_str_has_prefix (raad_sync_button_get_status (button), "Synced at "));
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "header-synced-360.png", 360);
}

/* Tests: a conflict made by two laptops, reviewed from the banner, resolved for both */

/* Saves @body (taken) as the next version of @id. */
static void
put_member (RaadStore  *store,
            const char *id,
            JsonObject *body)
{
  g_autoptr(JsonObject) owned = body;
  g_autofree char *rev = raad_store_get_rev (store, id);
  g_autofree char *next = NULL;
  g_autoptr(GError) error = NULL;

  next = raad_store_put (store, id, "member", rev, body, &error);
  g_assert_no_error (error);
}

static void
test_conflict_through_sync (Fixture       *fixture,
                            gconstpointer  data)
{
  RaadSync *sync_a = raad_window_get_sync (fixture->window);
  g_autoptr(RaadStore) store_b = raad_test_store_new ();
  g_autoptr(RaadSync) sync_b = NULL;
  RaadConflictDialog *dialog;
  g_autoptr(JsonObject) body_a = NULL;
  g_autoptr(JsonObject) body_b = NULL;
  g_autofree char *rev_a = NULL;
  g_autofree char *rev_b = NULL;
  g_autofree char *resolved = NULL;
  const char *id = "member-fenna";

  fixture->member_id = g_strdup (id);
  put_organisation (store_b);
  sync_b = raad_sync_new (store_b);
  configure (sync_a, fixture->server);
  configure (sync_b, fixture->server);

  /* Laptop A adds the member; both laptops have it. B's second run knows the councils. */
  put_member (fixture->store, id, member_body (fixture, RAAD_ROLE_MEMBER, "fenna@example.org",
                                               NULL, strings_array ("Zorg", NULL)));
  g_assert_true (sync_once (sync_a));
  g_assert_true (sync_once (sync_b));
  g_assert_true (sync_once (sync_b));
  g_assert_true (raad_store_exists (store_b, id));
  g_assert_false (revealed (GTK_WIDGET (fixture->window), "conflict_revealer"));

  /* Both edit it offline: A the role, B the e-mail address. */
  put_member (fixture->store, id, member_body (fixture, RAAD_ROLE_CHAIR, "fenna@example.org",
                                               NULL, strings_array ("Zorg", NULL)));
  put_member (store_b, id, member_body (fixture, RAAD_ROLE_MEMBER, "f.dewit@example.org",
                                        NULL, strings_array ("Zorg", NULL)));
  rev_a = raad_store_get_rev (fixture->store, id);
  rev_b = raad_store_get_rev (store_b, id);
  g_assert_true (sync_once (sync_a));
  g_assert_true (sync_once (sync_b));
  g_assert_true (sync_once (sync_a));

  /* Both see both versions and the same winner; A's window shows the banner. */
  {
    g_auto(GStrv) leaves_a = raad_store_get_leaves (fixture->store, id, FALSE);
    g_auto(GStrv) leaves_b = raad_store_get_leaves (store_b, id, FALSE);
    g_autofree char *win_a = raad_store_get_rev (fixture->store, id);
    g_autofree char *win_b = raad_store_get_rev (store_b, id);

    g_assert_cmpuint (g_strv_length (leaves_a), ==, 2);
    g_assert_cmpuint (g_strv_length (leaves_b), ==, 2);
    g_assert_cmpstr (win_a, ==, win_b);
  }
  g_assert_cmpuint (raad_sync_get_n_conflicts (sync_a), ==, 1);
  g_assert_true (revealed (GTK_WIDGET (fixture->window), "conflict_revealer"));
  g_assert_cmpstr (label_text (GTK_WIDGET (fixture->window), "conflict_label"), ==,
                   "1 record has conflicting versions");
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "header-conflicts-1280x800.png", 1280);

  /* Review: A's role, B's e-mail address. */
  click (raad_ui_test_find_by_id (GTK_WIDGET (fixture->window), "review_button"));
  dialog = raad_ui_test_find_toplevel (RAAD_TYPE_CONFLICT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (_raad_conflict_dialog_get_current_id (dialog), ==, id);
  {
    g_auto(GStrv) differing = _raad_conflict_dialog_dup_differing (dialog);

    g_assert_cmpuint (g_strv_length (differing), ==, 2);
  }
  choose (dialog, "role", version_index (dialog, rev_a));
  choose (dialog, "email", version_index (dialog, rev_b));
  click (raad_ui_test_find_by_id (GTK_WIDGET (dialog), "save_button"));

  assert_one_live_leaf (fixture, &body_a);
  g_assert_cmpstr (json_object_get_string_member (body_a, "role"), ==, RAAD_ROLE_CHAIR);
  g_assert_cmpstr (json_object_get_string_member (body_a, "email"), ==, "f.dewit@example.org");
  resolved = g_strdup (json_object_get_string_member (body_a, "_rev"));
  g_assert_cmpuint (raad_sync_get_n_conflicts (sync_a), ==, 0);
  g_assert_false (revealed (GTK_WIDGET (fixture->window), "conflict_revealer"));

  /* The choice syncs to laptop B: one live version there too, the same one. */
  g_assert_true (sync_once (sync_a));
  g_assert_true (sync_once (sync_b));
  {
    g_auto(GStrv) leaves_b = raad_store_get_leaves (store_b, id, FALSE);
    g_auto(GStrv) conflicted_b = raad_store_list_conflicted (store_b);

    g_assert_cmpuint (g_strv_length (leaves_b), ==, 1);
    g_assert_cmpstr (leaves_b[0], ==, resolved);
    g_assert_cmpuint (g_strv_length (conflicted_b), ==, 0);
  }
  body_b = raad_store_get (store_b, id, NULL);
  g_assert_cmpstr (json_object_get_string_member (body_b, "role"), ==, RAAD_ROLE_CHAIR);
  g_assert_cmpstr (json_object_get_string_member (body_b, "email"), ==, "f.dewit@example.org");
  g_clear_object (&sync_b);
}


/* Tests: records the server refuses */

static void
test_rejections (Fixture       *fixture,
                 gconstpointer  data)
{
  RaadSync *sync = raad_window_get_sync (fixture->window);
  g_autofree char *db = raad_sync_database_name (ORG_ID, NULL);
  g_autofree char *rules_path = g_strdup_printf ("/%s/_design/test-rules", db);
  g_autofree char *reply = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  RaadSyncPreferencesPage *page;
  GtkWindow *preferences;
  GtkWidget *group;
  g_autoptr(JsonObject) body = NULL;
  guint status = 0;

  /* The server's rules refuse a member without a real name. */
  reply = raad_test_server_request (fixture->server, "PUT", rules_path,
                                    "{\"validate_doc_update\": \"function (doc) { "
                                    "if (doc.name === 'Anoniem lid') { throw ({ forbidden: "
                                    "'Een lid heeft een echte naam nodig' }); } }\"}",
                                    FALSE, NULL);
  fixture->member_id = g_strdup ("member-anoniem");
  body = member_body (fixture, RAAD_ROLE_MEMBER, "anoniem@example.org", NULL,
                      strings_array ("Zorg", NULL));
  json_object_set_string_member (body, "name", "Anoniem lid");
  put_member (fixture->store, fixture->member_id, json_object_ref (body));

  configure (sync, fixture->server);
  sync_once (sync);
  g_assert_cmpuint (g_list_model_get_n_items (raad_sync_get_rejections (sync)), ==, 1);
  {
    g_autofree char *path = g_strdup_printf ("/%s/%s", db, fixture->member_id);
    g_autofree char *answer = raad_test_server_request (fixture->server, "GET", path, NULL,
                                                        TRUE, &status);

    g_assert_cmpuint (status, ==, 404);
  }

  /* The preferences list it with the server's reason. */
  page = open_sync_preferences (&preferences);
  group = raad_ui_test_find_by_id (GTK_WIDGET (page), "rejections_group");
  g_assert_true (gtk_widget_get_visible (group));
  collect_by_type (group, ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Anoniem lid");
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==,
                   "Not accepted by the server: Een lid heeft een echte naam nodig");
  resize (preferences, 1280, 800, 1280);
  raad_ui_test_take_screenshot (GTK_WIDGET (preferences), "preferences-rejections-1280x800.png", 1280);

  /* Edited, it is sent again, accepted, and the list empties. */
  json_object_set_string_member (body, "name", "Mila Jansen");
  put_member (fixture->store, fixture->member_id, json_object_ref (body));
  g_assert_true (sync_once (sync));
  g_assert_cmpuint (g_list_model_get_n_items (raad_sync_get_rejections (sync)), ==, 0);
  g_assert_false (gtk_widget_get_visible (group));
}

/* Tests: a server with a certificate of its own */

/* Terminates TLS with a self-signed certificate in front of the test server. */
typedef struct
{
  GSocketService  *service;
  GTlsCertificate *certificate;
  guint            target_port;
  char            *url;
  char            *fingerprint;   /* SHA-256 of the certificate, "AB:CD:…" */
} TlsProxy;

typedef struct
{
  TlsProxy *proxy;
  GIOStream *tls;
} ProxyLink;

static void
upstream_connected_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  ProxyLink *link = user_data;
  g_autoptr(GSocketConnection) upstream = NULL;

  upstream = g_socket_client_connect_finish (G_SOCKET_CLIENT (object), result, NULL);
  if (upstream != NULL)
    /* The handshake happens on the first read; a client that does not trust the certificate
     * ends it, and with it the splice. */
    g_io_stream_splice_async (link->tls, G_IO_STREAM (upstream),
                              G_IO_STREAM_SPLICE_CLOSE_STREAM1
                              | G_IO_STREAM_SPLICE_CLOSE_STREAM2,
                              G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  g_object_unref (link->tls);
  g_free (link);
}

static gboolean
proxy_incoming_cb (GSocketService    *service,
                   GSocketConnection *connection,
                   GObject           *source,
                   gpointer           user_data)
{
  TlsProxy *proxy = user_data;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  ProxyLink *link = g_new0 (ProxyLink, 1);

  link->proxy = proxy;
  link->tls = g_tls_server_connection_new (G_IO_STREAM (connection), proxy->certificate, &error);
  g_assert_no_error (error);
  g_socket_client_connect_to_host_async (client, "127.0.0.1", proxy->target_port, NULL,
                                         upstream_connected_cb, link);
  return TRUE;
}

static TlsProxy *
tls_proxy_new (RaadTestServer *server,
               const char     *dir)
{
  TlsProxy *proxy = g_new0 (TlsProxy, 1);
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) fingerprint = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = {
    "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
    "-nodes", "-days", "2", "-subj", "/CN=sync.raadswerk.test", "-keyout", key, "-out", cert,
    NULL
  };
  guint8 digest[32];
  gsize length = sizeof digest;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                               | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  proxy->certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  g_object_get (proxy->certificate, "certificate", &der, NULL);
  g_checksum_update (checksum, der->data, der->len);
  g_checksum_get_digest (checksum, digest, &length);
  for (gsize i = 0; i < length; i++)
    g_string_append_printf (fingerprint, i == 0 ? "%02X" : ":%02X", digest[i]);
  proxy->fingerprint = g_strdup (fingerprint->str);

  proxy->target_port = raad_test_server_get_port (server);
  proxy->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (proxy->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL, &effective,
                                 &error);
  g_assert_no_error (error);
  g_signal_connect (proxy->service, "incoming", G_CALLBACK (proxy_incoming_cb), proxy);
  g_socket_service_start (proxy->service);
  proxy->url = g_strdup_printf ("https://127.0.0.1:%u", g_inet_socket_address_get_port (
                                  G_INET_SOCKET_ADDRESS (effective)));
  return proxy;
}

static void
tls_proxy_free (TlsProxy *proxy)
{
  g_socket_service_stop (proxy->service);
  g_socket_listener_close (G_SOCKET_LISTENER (proxy->service));
  g_object_unref (proxy->service);
  g_object_unref (proxy->certificate);
  g_free (proxy->url);
  g_free (proxy->fingerprint);
  g_free (proxy);
}

static void
test_certificate (Fixture       *fixture,
                  gconstpointer  data)
{
  RaadSync *sync = raad_window_get_sync (fixture->window);
  g_autofree char *dir = NULL;
  TlsProxy *proxy;
  RaadSyncPreferencesPage *page;
  GtkWindow *preferences;
  GtkWidget *certificate_group;
  g_autofree char *openssl = g_find_program_in_path ("openssl");

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed: no certificate to test with");
      return;
    }
  dir = raad_test_make_tmpdir ();
  proxy = tls_proxy_new (fixture->server, dir);

  page = open_sync_preferences (&preferences);
  certificate_group = raad_ui_test_find_by_id (GTK_WIDGET (page), "certificate_group");
  type_into (GTK_WIDGET (page), "url_row", proxy->url);
  type_into (GTK_WIDGET (page), "user_row", RAAD_TEST_SERVER_ADMIN);
  type_into (GTK_WIDGET (page), "password_row", RAAD_TEST_SERVER_ADMIN_PASSWORD);

  /* Not trusted: a warning with the certificate's fingerprint, nothing saved. */
  click_and_wait (page, "connect_button");
  g_assert_false (raad_sync_is_configured (sync));
  g_assert_cmpstr (label_text (GTK_WIDGET (page), "message_label"), ==,
                   "The server’s certificate is not trusted. Read the warning below.");
  g_assert_true (gtk_widget_get_visible (certificate_group));
  g_assert_cmpstr (label_text (GTK_WIDGET (page), "fingerprint_label"), ==, proxy->fingerprint);
  resize (preferences, 1280, 800, 1280);
  raad_ui_test_take_screenshot (GTK_WIDGET (preferences), "preferences-certificate-1280x800.png", 1280);
  resize (preferences, 360, 720, 370);
  raad_ui_test_take_screenshot (GTK_WIDGET (preferences), "preferences-certificate-360.png", 370);

  /* A test against it shows the same warning. */
  click_and_wait (page, "test_button");
  g_assert_true (gtk_widget_get_visible (certificate_group));
  g_assert_false (raad_sync_is_configured (sync));

  /* Trusted by its fingerprint: the test goes through the pinned certificate. */
  click_and_wait (page, "trust_button");
  g_assert_false (gtk_widget_get_visible (certificate_group));
  g_assert_cmpstr (label_text (GTK_WIDGET (page), "message_label"), ==,
                   "The connection works. Below is what this account may do.");
  g_assert_false (raad_sync_is_configured (sync));

  /* Another address forgets the trust; the same one asks again. */
  type_into (GTK_WIDGET (page), "url_row", raad_test_server_get_url (fixture->server));
  type_into (GTK_WIDGET (page), "url_row", proxy->url);
  click_and_wait (page, "connect_button");
  g_assert_true (gtk_widget_get_visible (certificate_group));
  g_assert_false (raad_sync_is_configured (sync));

  /* Trusted after "Connect": it connects, saves the pin with the account, and syncs through
   * it. */
  click_and_wait (page, "trust_button");
  g_assert_true (raad_sync_is_configured (sync));
  g_assert_cmpstr (raad_sync_get_url (sync), ==, proxy->url);
  g_assert_cmpstr (raad_sync_get_fingerprint (sync), ==, proxy->fingerprint);
  if (raad_sync_get_state (sync) == RAAD_SYNC_STATE_SYNCING)
    g_assert_true (wait_run (sync));
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_IDLE);
  g_assert_true (gtk_widget_get_visible (raad_ui_test_find_by_id (GTK_WIDGET (page), "pinned_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (raad_ui_test_find_by_id (GTK_WIDGET (page),
                                                                            "pinned_row"))),
                   ==, proxy->fingerprint);
  raad_sync_set_automatic (sync, FALSE);
  gtk_window_destroy (preferences);
  raad_ui_test_close_toplevels ();
  fixture->window = NULL;
  tls_proxy_free (proxy);
  raad_test_remove_tree (dir);
}

/* Tests: the keyring */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  char     *password;
  GError   *error;
} KeyringWait;

static void
keyring_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  KeyringWait *wait = user_data;

  wait->ok = raad_credentials_store_finish (result, &wait->error);
  wait->done = TRUE;
}

static void
keyring_looked_up_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  KeyringWait *wait = user_data;

  wait->password = raad_credentials_lookup_finish (result, &wait->error);
  wait->done = TRUE;
}

static char *
keyring_lookup (const char  *url,
                const char  *user,
                GError     **error)
{
  KeyringWait wait = { 0 };

  raad_credentials_lookup_async (url, user, NULL, keyring_looked_up_cb, &wait);
  g_assert_true (raad_test_wait_for (&wait.done, raad_test_timeout_ms (30000)));
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.password;
}

static gboolean
secrets_on_bus (gpointer data)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* GNOME Keyring on this program's private session bus, with a login keyring of its own in a
 * temporary folder, unlocked by a password on its standard input. */
static gboolean
start_keyring (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *data = NULL;
  g_autofree char *runtime = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *daemon = g_find_program_in_path ("gnome-keyring-daemon");
  GOutputStream *input;

  if (daemon == NULL)
    return FALSE;
  keyring_dir = raad_test_make_tmpdir ();
  data = g_build_filename (keyring_dir, "data", NULL);
  runtime = g_build_filename (keyring_dir, "runtime", NULL);
  g_assert_cmpint (g_mkdir_with_parents (data, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "HOME", keyring_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  keyring_daemon = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon",
                                                "--foreground", "--components=secrets",
                                                "--unlock", NULL);
  g_assert_no_error (error);
  input = g_subprocess_get_stdin_pipe (keyring_daemon);
  g_output_stream_write_all (input, KEYRING_PASSWORD, strlen (KEYRING_PASSWORD), NULL, NULL,
                             &error);
  g_assert_no_error (error);
  g_output_stream_close (input, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (raad_test_wait_until (secrets_on_bus, NULL, raad_test_timeout_ms (20000)));
  return TRUE;
}

static void
stop_keyring (void)
{
  if (keyring_daemon == NULL)
    return;
  g_subprocess_force_exit (keyring_daemon);
  g_subprocess_wait (keyring_daemon, NULL, NULL);
  g_clear_object (&keyring_daemon);
  /* Deliver what the bus says about it leaving (libsecret listens). */
  g_assert_false (raad_test_wait_until (secrets_on_bus, NULL, 0));
  iterate ();
  raad_test_remove_tree (keyring_dir);
  g_clear_pointer (&keyring_dir, g_free);
}

static void
test_keyring (Fixture       *fixture,
              gconstpointer  data)
{
  const char *url = raad_test_server_get_url (fixture->server);
  RaadSyncPreferencesPage *page;
  GtkWindow *preferences;
  RaadSync *sync;
  RaadSyncBanner *banner;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  /* No keyring service on this bus: a plain sentence, no password. */
  {
    KeyringWait wait = { 0 };

    raad_credentials_store_async (url, RAAD_TEST_SERVER_ADMIN, "geheim", NULL,
                                  keyring_stored_cb, &wait);
    g_assert_true (raad_test_wait_for (&wait.done, raad_test_timeout_ms (30000)));
    g_assert_false (wait.ok);
    g_assert_nonnull (wait.error);
    g_assert_cmpstr (wait.error->message, ==, "The password could not be kept in the keyring: "
                     "no keyring service is running on this computer.");
    g_clear_error (&wait.error);
  }

  /* A window that starts with an account but no keyring: paused, and it says why. */
  configure (raad_window_get_sync (fixture->window), fixture->server);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture_open_window (fixture, 1280, 800);
  banner = RAAD_SYNC_BANNER (raad_ui_test_find_by_id (GTK_WIDGET (fixture->window), "sync_banner"));
  g_assert_true (raad_test_wait_until (banner_idle, banner, raad_test_timeout_ms (30000)));
  sync = raad_window_get_sync (fixture->window);
  g_assert_false (raad_sync_has_password (sync));
  g_assert_true (revealed (GTK_WIDGET (fixture->window), "problem_revealer"));
  g_assert_cmpstr (label_text (GTK_WIDGET (fixture->window), "problem_label"), ==,
                   "Sync is paused. The password could not be read from the keyring: no "
                   "keyring service is running on this computer. Enter the password in the "
                   "sync settings.");
  g_assert_cmpstr (raad_sync_button_get_icon_name (window_sync_button (fixture->window)), ==,
                   "dialog-password-symbolic");
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "header-no-keyring-1280x800.png", 1280);

  if (!start_keyring ())
    {
      g_test_skip ("gnome-keyring-daemon is not installed: only the keyring-less path ran");
      return;
    }

  /* With GNOME Keyring: "Connect" keeps the password there. */
  page = open_sync_preferences (&preferences);
  type_into (GTK_WIDGET (page), "password_row", RAAD_TEST_SERVER_ADMIN_PASSWORD);
  click_and_wait (page, "connect_button");
  g_assert_cmpstr (label_text (GTK_WIDGET (page), "message_label"), ==,
                   "Connected. The password is kept in the keyring, and sync runs by itself "
                   "from now on.");
  kept = keyring_lookup (url, RAAD_TEST_SERVER_ADMIN, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, RAAD_TEST_SERVER_ADMIN_PASSWORD);
  if (raad_sync_get_state (sync) == RAAD_SYNC_STATE_SYNCING)
    g_assert_true (wait_run (sync));
  raad_sync_set_automatic (sync, FALSE);
  gtk_window_destroy (preferences);

  /* The next start takes it from there and syncs by itself. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture_open_window (fixture, 1280, 800);
  banner = RAAD_SYNC_BANNER (raad_ui_test_find_by_id (GTK_WIDGET (fixture->window), "sync_banner"));
  sync = raad_window_get_sync (fixture->window);
  g_assert_true (raad_test_wait_until (banner_idle, banner, raad_test_timeout_ms (30000)));
  g_assert_true (raad_sync_has_password (sync));
  if (raad_sync_get_state (sync) == RAAD_SYNC_STATE_SYNCING)
    g_assert_true (wait_run (sync));
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_IDLE);
  g_assert_false (revealed (GTK_WIDGET (fixture->window), "problem_revealer"));
  raad_sync_set_automatic (sync, FALSE);

  /* The preferences show the kept password; disconnecting removes it from the keyring. */
  page = open_sync_preferences (&preferences);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (raad_ui_test_find_by_id (GTK_WIDGET (page),
                                                                    "password_row"))), ==,
                   RAAD_TEST_SERVER_ADMIN_PASSWORD);
  click (raad_ui_test_find_by_id (GTK_WIDGET (page), "disconnect_button"));
  adw_message_dialog_response (raad_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "disconnect");
  g_assert_true (raad_test_wait_until (page_idle, page, TIMEOUT_MS));
  g_clear_pointer (&kept, g_free);
  kept = keyring_lookup (url, RAAD_TEST_SERVER_ADMIN, &error);
  g_assert_no_error (error);
  g_assert_null (kept);
  g_assert_false (raad_sync_is_configured (sync));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *display = NULL;
  int ret;

  /* A private session bus, before anything connects to one (GTK may, and GLib would otherwise
   * autolaunch one for the X display that D-Bus-activates the real keyring): the user's keyring
   * is never touched, and no keyring runs until /ui/sync/keyring starts one. */
  display = g_strdup (g_getenv ("DISPLAY"));
  test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (test_bus);
  /* g_test_dbus_up unsets it, against autolaunching; GTK needs it. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  /* Not G_TEST_OPTION_ISOLATE_DIRS: it empties XDG_DATA_DIRS (see test-facebook.c). */
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  app = raad_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/ui/sync/conflict/merge", Fixture, NULL, fixture_set_up, test_conflict_merge,
              fixture_tear_down);
  g_test_add ("/ui/sync/conflict/keep", Fixture, NULL, fixture_set_up, test_conflict_keep,
              fixture_tear_down);
  g_test_add ("/ui/sync/conflict/narrow", Fixture, NULL, fixture_set_up, test_conflict_narrow,
              fixture_tear_down);
  g_test_add ("/ui/sync/conflict/screenshots", Fixture, NULL, fixture_set_up,
              test_conflict_screenshots, fixture_tear_down);
  g_test_add ("/ui/sync/preferences", Fixture, NULL, fixture_set_up_server, test_preferences,
              fixture_tear_down);
  g_test_add ("/ui/sync/header", Fixture, NULL, fixture_set_up_server, test_header,
              fixture_tear_down);
  g_test_add ("/ui/sync/conflict/through-sync", Fixture, NULL, fixture_set_up_server,
              test_conflict_through_sync, fixture_tear_down);
  g_test_add ("/ui/sync/rejections", Fixture, NULL, fixture_set_up_server, test_rejections,
              fixture_tear_down);
  g_test_add ("/ui/sync/certificate", Fixture, NULL, fixture_set_up_server, test_certificate,
              fixture_tear_down);
  /* Last: it starts a keyring on the bus. */
  g_test_add ("/ui/sync/keyring", Fixture, NULL, fixture_set_up_server, test_keyring,
              fixture_tear_down);

  ret = g_test_run ();
  stop_keyring ();
  g_clear_object (&app);
  /* Neither g_test_dbus_down nor an unref (which calls it): they wait for every user of the
   * bus to let go of its connection, and libadwaita's and libsecret's never do. */
  g_test_dbus_stop (test_bus);
  /* And nothing may autolaunch another bus for the X display on the way out. */
  g_unsetenv ("DISPLAY");
  return ret;
}
