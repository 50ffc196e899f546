/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-signal-stats.c: signals counted per theme per quarter, filters, and a period's signals */
#define G_LOG_DOMAIN "raad-test"

#include "config.h"

#include "raad-signal.h"
#include "raad-signal-stats.h"
#include "raad-test-util.h"

typedef struct
{
  RaadStore *store;
  char      *linde_id;
  char      *baken_id;
} Fixture;

static char *
save_signal (RaadStore  *store,
             const char *council_id,
             const char *received,
             const char *location,
             const char *theme)
{
  g_autoptr(RaadSignal) signal = raad_signal_new (store);
  g_autoptr(GError) error = NULL;

  g_object_set (signal, "council-id", council_id, "received", received, "location", location,
                "theme", theme, "source", "living-room", "status", "new",
                "text", "Fictieve tekst", "raised-by-kind", "group", "raised-by", "Bewoners",
                NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (signal), &error));
  g_assert_no_error (error);
  return g_strdup (raad_record_get_id (RAAD_RECORD (signal)));
}

/* De Linde: 2025 Q4 … 2026 Q4 with an empty 2026 Q3, two locations, three themes; one signal
 * deleted; Het Baken's signals must never count for De Linde. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RaadRecord) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *deleted_id = NULL;
  struct { const char *received, *location, *theme; } signals[] = {
    { "2025-12-31", "Rozengaard", "Eten en drinken" },   /* the last day of 2025 Q4 */
    { "2026-01-01", "Rozengaard", "Eten en drinken" },   /* the first day of 2026 Q1 */
    { "2026-02-14", "Lindehof", "Eten en drinken" },
    { "2026-03-31", "Lindehof", "Personeel" },           /* the last day of 2026 Q1 */
    { "2026-04-01", "Rozengaard", "Personeel" },         /* the first day of 2026 Q2 */
    { "2026-06-30", "Rozengaard", "Eten en drinken" },
    { "2026-10-05", "Lindehof", "Veiligheid" },          /* 2026 Q3 stays empty */
  };

  fixture->store = raad_test_store_new ();
  fixture->linde_id = raad_test_save_council (fixture->store, "Lokale raad De Linde", "local",
                                              "Amersfoort");
  fixture->baken_id = raad_test_save_council (fixture->store, "Lokale raad Het Baken", "local",
                                              "Zeist");
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_free (save_signal (fixture->store, fixture->linde_id, signals[i].received,
                         signals[i].location, signals[i].theme));

  g_free (save_signal (fixture->store, fixture->baken_id, "2026-02-01", "Baken", "Schoonmaak"));
  g_free (save_signal (fixture->store, fixture->baken_id, "2026-02-02", "Rozengaard",
                       "Eten en drinken"));

  deleted_id = save_signal (fixture->store, fixture->linde_id, "2026-02-20", "Weggehaald",
                            "Verwijderd thema");
  deleted = raad_record_load (fixture->store, deleted_id, &error);
  g_assert_no_error (error);
  g_assert_true (raad_record_delete (deleted, &error));
  g_assert_no_error (error);

  /* A deletion from another laptop may arrive with its fields still in the body. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autofree char *json = g_strdup_printf ("{\"_id\": \"signal-deleted-elsewhere\", "
                                             "\"_rev\": \"1-0123456789abcdef0123456789abcdef\", "
                                             "\"_deleted\": true, \"type\": \"signal\", "
                                             "\"council_id\": \"%s\", \"received\": \"2026-02-21\", "
                                             "\"location\": \"Weggehaald\", \"theme\": \"Verwijderd thema\", "
                                             "\"_revisions\": {\"start\": 1, \"ids\": "
                                             "[\"0123456789abcdef0123456789abcdef\"]}}",
                                             fixture->linde_id);

    g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
    g_assert_true (raad_store_graft (fixture->store,
                                     json_node_get_object (json_parser_get_root (parser)),
                                     &error));
    g_assert_no_error (error);
  }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->linde_id);
  g_free (fixture->baken_id);
  g_assert_finalize_object (fixture->store);
}

static int
theme_index (RaadSignalStats *stats,
             const char      *theme)
{
  for (guint i = 0; i < raad_signal_stats_get_n_themes (stats); i++)
    if (g_str_equal (raad_signal_stats_get_theme (stats, i), theme))
      return i;
  return -1;
}

static void
assert_quarter (RaadSignalStats *stats,
                guint            index,
                int              year,
                int              quarter)
{
  int y = 0, q = 0;

  raad_signal_stats_get_quarter (stats, index, &y, &q);
  g_assert_cmpint (y, ==, year);
  g_assert_cmpint (q, ==, quarter);
}

static void
test_per_theme_per_quarter (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(RaadSignalStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  int food, staff, safety;

  stats = raad_signal_stats_query (fixture->store, fixture->linde_id, NULL, NULL, NULL, NULL,
                                   &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);

  /* 2025 Q4, 2026 Q1, Q2, Q3 (empty), Q4: no holes in the time axis. */
  g_assert_cmpuint (raad_signal_stats_get_n_quarters (stats), ==, 5);
  assert_quarter (stats, 0, 2025, 4);
  assert_quarter (stats, 1, 2026, 1);
  assert_quarter (stats, 3, 2026, 3);
  assert_quarter (stats, 4, 2026, 4);

  /* The deleted signal's theme and Het Baken's are not there; themes sorted by name. */
  g_assert_cmpuint (raad_signal_stats_get_n_themes (stats), ==, 3);
  g_assert_cmpstr (raad_signal_stats_get_theme (stats, 0), ==, "Eten en drinken");
  g_assert_cmpstr (raad_signal_stats_get_theme (stats, 1), ==, "Personeel");
  g_assert_cmpstr (raad_signal_stats_get_theme (stats, 2), ==, "Veiligheid");
  g_assert_cmpint (theme_index (stats, "Verwijderd thema"), ==, -1);
  g_assert_cmpint (theme_index (stats, "Schoonmaak"), ==, -1);
  food = theme_index (stats, "Eten en drinken");
  staff = theme_index (stats, "Personeel");
  safety = theme_index (stats, "Veiligheid");

  /* 31 December and 1 January, 31 March and 1 April fall in different quarters. */
  g_assert_cmpuint (raad_signal_stats_get_count (stats, 0, food), ==, 1);
  g_assert_cmpuint (raad_signal_stats_get_count (stats, 1, food), ==, 2);
  g_assert_cmpuint (raad_signal_stats_get_count (stats, 1, staff), ==, 1);
  g_assert_cmpuint (raad_signal_stats_get_count (stats, 2, staff), ==, 1);
  g_assert_cmpuint (raad_signal_stats_get_count (stats, 2, food), ==, 1);
  g_assert_cmpuint (raad_signal_stats_get_quarter_total (stats, 3), ==, 0);
  g_assert_cmpuint (raad_signal_stats_get_count (stats, 4, safety), ==, 1);

  g_assert_cmpuint (raad_signal_stats_get_quarter_total (stats, 1), ==, 3);
  g_assert_cmpuint (raad_signal_stats_get_theme_total (stats, food), ==, 4);
  g_assert_cmpuint (raad_signal_stats_get_total (stats), ==, 7);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RaadSignalStats) by_location = NULL;
  g_autoptr(RaadSignalStats) by_theme = NULL;
  g_autoptr(RaadSignalStats) both = NULL;
  g_autoptr(RaadSignalStats) period = NULL;
  g_autoptr(RaadSignalStats) none = NULL;
  g_autoptr(GError) error = NULL;

  by_location = raad_signal_stats_query (fixture->store, fixture->linde_id, NULL, NULL,
                                         "Rozengaard", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (raad_signal_stats_get_total (by_location), ==, 4);
  g_assert_cmpuint (raad_signal_stats_get_n_themes (by_location), ==, 2);
  /* 2025 Q4 to 2026 Q2. */
  g_assert_cmpuint (raad_signal_stats_get_n_quarters (by_location), ==, 3);

  by_theme = raad_signal_stats_query (fixture->store, fixture->linde_id, NULL, NULL, NULL,
                                      "Personeel", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (raad_signal_stats_get_total (by_theme), ==, 2);
  g_assert_cmpuint (raad_signal_stats_get_n_themes (by_theme), ==, 1);
  g_assert_cmpuint (raad_signal_stats_get_n_quarters (by_theme), ==, 2);
  assert_quarter (by_theme, 0, 2026, 1);

  both = raad_signal_stats_query (fixture->store, fixture->linde_id, NULL, NULL, "Lindehof",
                                  "Eten en drinken", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (raad_signal_stats_get_total (both), ==, 1);
  g_assert_cmpuint (raad_signal_stats_get_n_quarters (both), ==, 1);
  assert_quarter (both, 0, 2026, 1);

  /* The period is inclusive at both ends: 1 January to 31 March 2026. */
  period = raad_signal_stats_query (fixture->store, fixture->linde_id, "2026-01-01",
                                    "2026-03-31", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (raad_signal_stats_get_total (period), ==, 3);
  g_assert_cmpuint (raad_signal_stats_get_n_quarters (period), ==, 1);
  assert_quarter (period, 0, 2026, 1);

  none = raad_signal_stats_query (fixture->store, fixture->linde_id, NULL, NULL, "Nergens",
                                  NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (raad_signal_stats_get_total (none), ==, 0);
  g_assert_cmpuint (raad_signal_stats_get_n_quarters (none), ==, 0);
  g_assert_cmpuint (raad_signal_stats_get_n_themes (none), ==, 0);
}

static void
test_choices (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(GStrv) locations = raad_signal_stats_list_locations (fixture->store, fixture->linde_id);
  g_auto(GStrv) themes = raad_signal_stats_list_themes (fixture->store, fixture->linde_id);
  g_auto(GStrv) baken = raad_signal_stats_list_locations (fixture->store, fixture->baken_id);
  const char *want_locations[] = { "Lindehof", "Rozengaard", NULL };
  const char *want_themes[] = { "Eten en drinken", "Personeel", "Veiligheid", NULL };
  const char *want_baken[] = { "Baken", "Rozengaard", NULL };

  g_assert_cmpstrv (locations, want_locations);
  g_assert_cmpstrv (themes, want_themes);
  g_assert_cmpstrv (baken, want_baken);
}

static void
test_bodies_and_changes (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(RaadSignalStats) before = NULL;
  g_autoptr(RaadSignalStats) after = NULL;
  g_autoptr(GError) error = NULL;

  bodies = raad_signal_stats_list_bodies (fixture->store, fixture->linde_id, "2026-01-01",
                                          "2026-06-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bodies->len, ==, 5);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (bodies, 0), "received"),
                   ==, "2026-01-01");
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (bodies, 4), "received"),
                   ==, "2026-06-30");

  before = raad_signal_stats_query (fixture->store, fixture->linde_id, NULL, NULL, NULL, NULL,
                                    &error);
  g_free (save_signal (fixture->store, fixture->linde_id, "2026-08-15", "Lindehof", "Personeel"));
  after = raad_signal_stats_query (fixture->store, fixture->linde_id, NULL, NULL, NULL, NULL,
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (raad_signal_stats_get_quarter_total (before, 3), ==, 0);
  g_assert_cmpuint (raad_signal_stats_get_quarter_total (after, 3), ==, 1);
  g_assert_cmpuint (raad_signal_stats_get_total (after), ==, raad_signal_stats_get_total (before) + 1);
}

/* Bodies the quick reading must get right: escapes, nested objects holding the same keys,
 * values that are no strings, members in any order. */
static void
test_odd_bodies (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autofree char *council_id = raad_test_save_council (store, "Lokale raad De Linde", "local",
                                                        "Amersfoort");
  g_autoptr(RaadSignalStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) themes = NULL;
  g_auto(GStrv) locations = NULL;
  const char *bodies[] = {
    /* A quote and a backslash in the theme: json-glib reads it. */
    "{\"received\": \"2026-02-01\", \"theme\": \"Zorg \\\"op maat\\\"\", \"location\": \"A\\\\B\"}",
    /* Nested members named like ours come first and must not count. */
    "{\"extra\": {\"theme\": \"Nep\", \"received\": \"1999-01-01\", \"list\": [1, {\"a\": \"}\"}]},"
    " \"location\": \"Lindehof\", \"received\": \"2026-05-05\", \"theme\": \"Wonen\"}",
    /* A theme that is a number counts as its digits; the date has a time after it. */
    "{\"theme\": 12, \"received\": \"2026-08-01T10:00\", \"location\": null, \"n\": -1.5e3, \"ok\": true}",
    /* No usable date: left out. */
    "{\"theme\": \"Wonen\", \"received\": \"gisteren\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *id = g_strdup_printf ("signal-odd-%u", i);
      g_autofree char *rev = NULL;
      JsonObject *body;

      g_assert_true (json_parser_load_from_data (parser, bodies[i], -1, &error));
      g_assert_no_error (error);
      body = json_node_get_object (json_parser_get_root (parser));
      json_object_set_string_member (body, "council_id", council_id);
      rev = raad_store_put (store, id, "signal", NULL, body, &error);
      g_assert_no_error (error);
    }

  stats = raad_signal_stats_query (store, council_id, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (raad_signal_stats_get_total (stats), ==, 3);
  g_assert_cmpuint (raad_signal_stats_get_n_themes (stats), ==, 3);
  g_assert_cmpstr (raad_signal_stats_get_theme (stats, 0), ==, "12");
  g_assert_cmpstr (raad_signal_stats_get_theme (stats, 1), ==, "Wonen");
  g_assert_cmpstr (raad_signal_stats_get_theme (stats, 2), ==, "Zorg \"op maat\"");
  /* 2026 Q1, Q2, Q3: nothing from 1999. */
  g_assert_cmpuint (raad_signal_stats_get_n_quarters (stats), ==, 3);
  assert_quarter (stats, 0, 2026, 1);
  g_assert_cmpuint (raad_signal_stats_get_count (stats, 1, 1), ==, 1);
  g_assert_cmpuint (raad_signal_stats_get_count (stats, 2, 0), ==, 1);

  themes = raad_signal_stats_list_themes (store, council_id);
  locations = raad_signal_stats_list_locations (store, council_id);
  g_assert_cmpstrv (themes, ((const char * const[]) { "12", "Wonen", "Zorg \"op maat\"", NULL }));
  g_assert_cmpstrv (locations, ((const char * const[]) { "A\\B", "Lindehof", NULL }));
  g_clear_object (&store);
}

static void
test_quarter_days (void)
{
  g_autofree char *q1 = raad_signal_stats_quarter_start (2026, 1);
  g_autofree char *q1_end = raad_signal_stats_quarter_end (2026, 1);
  g_autofree char *q3 = raad_signal_stats_quarter_start (2026, 3);
  g_autofree char *q4_end = raad_signal_stats_quarter_end (2026, 4);

  g_assert_cmpstr (q1, ==, "2026-01-01");
  g_assert_cmpstr (q1_end, ==, "2026-03-31");
  g_assert_cmpstr (q3, ==, "2026-07-01");
  g_assert_cmpstr (q4_end, ==, "2026-12-31");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/store/signal-stats/per-theme-per-quarter", Fixture, NULL, fixture_set_up,
              test_per_theme_per_quarter, fixture_tear_down);
  g_test_add ("/store/signal-stats/filters", Fixture, NULL, fixture_set_up, test_filters,
              fixture_tear_down);
  g_test_add ("/store/signal-stats/choices", Fixture, NULL, fixture_set_up, test_choices,
              fixture_tear_down);
  g_test_add ("/store/signal-stats/bodies-and-changes", Fixture, NULL, fixture_set_up,
              test_bodies_and_changes, fixture_tear_down);
  g_test_add_func ("/store/signal-stats/quarter-days", test_quarter_days);
  g_test_add_func ("/store/signal-stats/odd-bodies", test_odd_bodies);

  return g_test_run ();
}
