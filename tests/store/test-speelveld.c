/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-speelveld.c: the playing field: whom to speak to next, the contact log, places */
#include "config.h"

#include <math.h>

#include "raad-demo.h"
#include "raad-speelveld.h"
#include "raad-test-util.h"

#define COUNCIL "council-a"

static RaadStakeholder *
save_party (RaadStore  *store,
            const char *name,
            const char *category,
            guint       rhythm_months,
            guint       influence,
            guint       interest)
{
  g_autoptr(RaadStakeholder) party = raad_stakeholder_new (store);
  g_autoptr(GError) error = NULL;

  g_object_set (party,
                "council-id", COUNCIL,
                "name", name,
                "category", category,
                "relation", "neutral",
                "formal-right", "none",
                "rhythm-months", rhythm_months,
                "influence", influence,
                "interest", interest,
                NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (party), &error));
  g_assert_no_error (error);
  return g_steal_pointer (&party);
}

static void
log_contact (RaadStakeholder *party,
             const char      *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadContact) contact = raad_speelveld_log_contact (party, date, "meeting",
                                                               "Voorzitter", "Overleg", NULL,
                                                               &error);

  g_assert_no_error (error);
  g_assert_nonnull (contact);
}

static const char *
name_of (RaadContactDue *due)
{
  return raad_record_get_string (RAAD_RECORD (due->party), "name");
}

static void
test_overdue_on_dates (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(RaadStakeholder) director = save_party (store, "Bestuurder", "director", 1, 5, 4);
  g_autoptr(RaadStakeholder) rvt = save_party (store, "Raad van toezicht", "supervisory-board", 6, 4, 3);
  g_autoptr(RaadStakeholder) or = save_party (store, "Ondernemingsraad", "works-council", 3, 3, 3);
  g_autoptr(RaadStakeholder) igj = save_party (store, "Inspectie", "inspectorate", 0, 5, 2);
  g_autoptr(RaadStakeholder) gemeente = save_party (store, "Gemeente", "municipality", 12, 3, 2);
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GHashTable) last = NULL;

  log_contact (director, "2031-01-10");
  log_contact (director, "2031-02-10");
  log_contact (director, "2031-01-25");
  log_contact (rvt, "2030-08-01");
  log_contact (or, "2031-02-01");
  log_contact (igj, "2029-01-01");

  /* The newest date per party, in one query. */
  last = raad_speelveld_last_contacts (store, COUNCIL);
  g_assert_cmpuint (g_hash_table_size (last), ==, 4);
  g_assert_cmpstr (g_hash_table_lookup (last, raad_record_get_id (RAAD_RECORD (director))), ==,
                   "2031-02-10");

  /* 2031-03-01: the rvt (due 2031-02-01) is 28 days overdue, the gemeente was never spoken to
   * (most overdue of all); the director is due on 2031-03-10 (soon); the OR on 2031-05-01
   * (on track) and the inspectorate has no rhythm. */
  overdue = raad_speelveld_overdue (store, COUNCIL, "2031-03-01");
  g_assert_cmpuint (overdue->len, ==, 3);
  g_assert_cmpstr (name_of (overdue->pdata[0]), ==, "Gemeente");
  g_assert_cmpint (((RaadContactDue *) overdue->pdata[0])->state, ==, RAAD_CONTACT_OVERDUE);
  g_assert_null (((RaadContactDue *) overdue->pdata[0])->last_contact);
  g_assert_null (((RaadContactDue *) overdue->pdata[0])->due);
  g_assert_cmpstr (name_of (overdue->pdata[1]), ==, "Raad van toezicht");
  g_assert_cmpint (((RaadContactDue *) overdue->pdata[1])->state, ==, RAAD_CONTACT_OVERDUE);
  g_assert_cmpint (((RaadContactDue *) overdue->pdata[1])->days_overdue, ==, 28);
  g_assert_cmpstr (((RaadContactDue *) overdue->pdata[1])->last_contact, ==, "2030-08-01");
  g_assert_cmpstr (((RaadContactDue *) overdue->pdata[1])->due, ==, "2031-02-01");
  g_assert_cmpstr (name_of (overdue->pdata[2]), ==, "Bestuurder");
  g_assert_cmpint (((RaadContactDue *) overdue->pdata[2])->state, ==, RAAD_CONTACT_DUE_SOON);
  g_assert_cmpstr (((RaadContactDue *) overdue->pdata[2])->due, ==, "2031-03-10");
  g_clear_pointer (&overdue, g_ptr_array_unref);

  /* Two months later the director and the OR are overdue too, the director most (53 days
   * against 1: the OR was due yesterday). */
  overdue = raad_speelveld_overdue (store, COUNCIL, "2031-05-02");
  g_assert_cmpuint (overdue->len, ==, 4);
  g_assert_cmpstr (name_of (overdue->pdata[0]), ==, "Gemeente");
  g_assert_cmpstr (name_of (overdue->pdata[1]), ==, "Raad van toezicht");
  g_assert_cmpstr (name_of (overdue->pdata[2]), ==, "Bestuurder");
  g_assert_cmpint (((RaadContactDue *) overdue->pdata[2])->days_overdue, ==, 53);
  g_assert_cmpstr (name_of (overdue->pdata[3]), ==, "Ondernemingsraad");
  g_assert_cmpint (((RaadContactDue *) overdue->pdata[3])->days_overdue, ==, 1);
  g_clear_pointer (&overdue, g_ptr_array_unref);

  /* Another council's parties never show. */
  overdue = raad_speelveld_overdue (store, "council-b", "2031-05-02");
  g_assert_cmpuint (overdue->len, ==, 0);
}

static void
test_rhythm_change (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(RaadStakeholder) rvt = save_party (store, "Raad van toezicht", "supervisory-board", 12, 4, 3);
  g_autoptr(RaadContactDue) due = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GError) error = NULL;

  log_contact (rvt, "2031-01-15");
  due = raad_speelveld_contact_due (rvt, "2031-01-15", "2031-06-01");
  g_assert_cmpint (due->state, ==, RAAD_CONTACT_ON_TRACK);
  g_assert_cmpstr (due->due, ==, "2032-01-15");
  g_clear_pointer (&due, raad_contact_due_free);

  /* Every three months instead of every year: overdue since 15 April. */
  g_object_set (rvt, "rhythm-months", 3, NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (rvt), &error));
  g_assert_no_error (error);
  overdue = raad_speelveld_overdue (store, COUNCIL, "2031-06-01");
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpstr (((RaadContactDue *) overdue->pdata[0])->due, ==, "2031-04-15");
  g_assert_cmpint (((RaadContactDue *) overdue->pdata[0])->days_overdue, ==, 47);
  g_clear_pointer (&overdue, g_ptr_array_unref);

  /* No rhythm at all: never overdue, not even when never spoken to. */
  g_object_set (rvt, "rhythm-months", 0, NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (rvt), &error));
  overdue = raad_speelveld_overdue (store, COUNCIL, "2040-01-01");
  g_assert_cmpuint (overdue->len, ==, 0);
  due = raad_speelveld_contact_due (rvt, NULL, "2040-01-01");
  g_assert_cmpint (due->state, ==, RAAD_CONTACT_NO_RHYTHM);
  g_clear_pointer (&due, raad_contact_due_free);

  /* A month rhythm from 31 January: due on the last day of February. */
  g_object_set (rvt, "rhythm-months", 1, NULL);
  due = raad_speelveld_contact_due (rvt, "2031-01-31", "2031-02-20");
  g_assert_cmpstr (due->due, ==, "2031-02-28");
  g_assert_cmpint (due->state, ==, RAAD_CONTACT_DUE_SOON);
}

static void
test_log_contact (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(RaadStakeholder) gemeente = save_party (store, "Gemeente", "municipality", 6, 3, 2);
  g_autoptr(RaadContact) contact = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;

  /* Never spoken to: overdue. */
  overdue = raad_speelveld_overdue (store, COUNCIL, "2031-03-01");
  g_assert_cmpuint (overdue->len, ==, 1);
  g_clear_pointer (&overdue, g_ptr_array_unref);

  /* Bad input writes nothing. */
  g_assert_null (raad_speelveld_log_contact (gemeente, "1 maart", "meeting", NULL, "Overleg",
                                             NULL, &error));
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (raad_speelveld_log_contact (gemeente, "2031-02-30", "meeting", NULL, "Overleg",
                                             NULL, &error));
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (raad_speelveld_log_contact (gemeente, "2031-03-01", "gossip", NULL, "Overleg",
                                             NULL, &error));
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (raad_speelveld_log_contact (gemeente, "2031-03-01", NULL, NULL, "Overleg",
                                             NULL, &error));
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (raad_speelveld_log_contact (gemeente, "2031-03-01", "call", NULL, "  \n ",
                                             NULL, &error));
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (raad_store_count (store, "contact"), ==, 0);

  /* A talk planned for 5 March; a contact on 1 March is not it (it stays planned), one on
   * 6 March is (the plan is cleared). */
  g_assert_false (raad_speelveld_plan_contact (gemeente, "5 maart", &error));
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (raad_speelveld_plan_contact (gemeente, "2031-03-05", &error));
  g_assert_no_error (error);
  contact = raad_speelveld_log_contact (gemeente, "2031-03-01", "call", "Secretaris",
                                        "Afspraak gemaakt", "", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (contact), "council-id"), ==, COUNCIL);
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (contact), "stakeholder-id"), ==,
                   raad_record_get_id (RAAD_RECORD (gemeente)));
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (contact), "participants"), ==, "Secretaris");
  g_assert_null (raad_record_get_string (RAAD_RECORD (contact), "follow-up"));
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (gemeente), "next-contact"), ==, "2031-03-05");
  g_clear_object (&contact);
  contact = raad_speelveld_log_contact (gemeente, "2031-03-06", "meeting", NULL,
                                        "Dagbesteding besproken", "Verslag sturen", &error);
  g_assert_no_error (error);
  g_assert_null (raad_record_get_string (RAAD_RECORD (gemeente), "next-contact"));
  {
    /* Stored, not only in memory. */
    g_autoptr(JsonObject) body = raad_store_get (store, raad_record_get_id (RAAD_RECORD (gemeente)),
                                                 NULL);

    g_assert_nonnull (body);
    g_assert_false (json_object_has_member (body, "next_contact")
                    && !json_object_get_null_member (body, "next_contact"));
  }

  /* The log, newest first; no longer overdue. */
  log = raad_speelveld_list_contacts (store, raad_record_get_id (RAAD_RECORD (gemeente)));
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (raad_record_get_string (log->pdata[0], "date"), ==, "2031-03-06");
  g_assert_cmpstr (raad_record_get_string (log->pdata[0], "follow-up"), ==, "Verslag sturen");
  g_assert_cmpstr (raad_record_get_string (log->pdata[1], "date"), ==, "2031-03-01");
  overdue = raad_speelveld_overdue (store, COUNCIL, "2031-03-10");
  g_assert_cmpuint (overdue->len, ==, 0);
  g_clear_pointer (&overdue, g_ptr_array_unref);

  /* The last date follows edits of the log (it is kept between calls): the newest contact
   * moved back before the other one. */
  g_object_set (log->pdata[0], "date", "2031-02-01", NULL);
  g_assert_true (raad_record_save (log->pdata[0], &error));
  g_assert_no_error (error);
  {
    g_autoptr(GHashTable) last = raad_speelveld_last_contacts (store, COUNCIL);

    g_assert_cmpstr (g_hash_table_lookup (last, raad_record_get_id (RAAD_RECORD (gemeente))), ==,
                     "2031-03-01");
  }

  /* A deleted contact no longer counts. */
  g_assert_true (raad_record_delete (log->pdata[0], &error));
  g_assert_true (raad_record_delete (log->pdata[1], &error));
  g_assert_no_error (error);
  overdue = raad_speelveld_overdue (store, COUNCIL, "2031-03-10");
  g_assert_cmpuint (overdue->len, ==, 1);
}

static void
test_places (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(RaadStakeholder) director = save_party (store, "Bestuurder", "director", 1, 5, 4);
  g_autoptr(RaadStakeholder) or = save_party (store, "Ondernemingsraad", "works-council", 3, 2, 4);
  g_autoptr(RaadStakeholder) clients = save_party (store, "Cliënten", "clients", 2, 2, 4);
  g_autoptr(RaadStakeholder) igj = save_party (store, "Inspectie", "inspectorate", 0, 5, 1);
  g_autoptr(GPtrArray) parties = raad_speelveld_list_parties (store, COUNCIL);
  g_autoptr(GError) error = NULL;
  double xy[8], grid[8];

  /* Category order: director, works council, clients, inspectorate. */
  g_assert_cmpuint (parties->len, ==, 4);
  g_assert_true (parties->pdata[0] == (gpointer) director);
  g_assert_true (parties->pdata[1] == (gpointer) or);
  g_assert_true (parties->pdata[2] == (gpointer) clients);
  g_assert_true (parties->pdata[3] == (gpointer) igj);

  /* Unplaced: round the council, the director at the top, none in the middle. */
  raad_speelveld_map_places (parties, xy);
  g_assert_cmpfloat_with_epsilon (xy[0], 0.5, 1e-9);
  g_assert_cmpfloat (xy[1], <, 0.2);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (hypot (xy[2 * i] - 0.5, xy[2 * i + 1] - 0.5), >, 0.3);

  /* A stored place is kept (clamped), the others keep going round. */
  g_assert_true (raad_speelveld_set_place (or, 0.25, 1.7, &error));
  g_assert_no_error (error);
  {
    g_autoptr(JsonObject) body = raad_store_get (store, raad_record_get_id (RAAD_RECORD (or)), NULL);

    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (body, "map_x"), 0.25, 1e-9);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (body, "map_y"), 1.0, 1e-9);
  }
  raad_speelveld_map_places (parties, xy);
  g_assert_cmpfloat_with_epsilon (xy[2], 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (xy[3], 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (xy[0], 0.5, 1e-9);

  /* The grid: interest across, influence up; the OR and the clients share a cell, spread. */
  raad_speelveld_grid_places (parties, grid);
  g_assert_cmpfloat (grid[0], >, 0.6);   /* director: interest 4 */
  g_assert_cmpfloat (grid[1], <, 0.2);   /* influence 5: top row */
  g_assert_cmpfloat (grid[6], <, 0.2);   /* inspectorate: interest 1 */
  g_assert_cmpfloat (grid[7], <, 0.2);
  g_assert_true (grid[2] != grid[4] || grid[3] != grid[5]);
  g_assert_cmpfloat (fabs (grid[2] - grid[4]), <, 0.2);
  g_assert_cmpfloat (grid[3], >, 0.6);   /* influence 2: low */
  for (guint i = 0; i < 8; i++)
    g_assert_true (grid[i] > 0 && grid[i] < 1);

  g_assert_cmpint (raad_speelveld_quadrant (director), ==, RAAD_QUADRANT_MANAGE_CLOSELY);
  g_assert_cmpint (raad_speelveld_quadrant (or), ==, RAAD_QUADRANT_KEEP_INFORMED);
  g_assert_cmpint (raad_speelveld_quadrant (igj), ==, RAAD_QUADRANT_KEEP_SATISFIED);
  g_object_set (igj, "influence", 1, NULL);
  g_assert_cmpint (raad_speelveld_quadrant (igj), ==, RAAD_QUADRANT_MONITOR);
  g_assert_cmpstr (raad_speelveld_quadrant_title (RAAD_QUADRANT_MANAGE_CLOSELY), ==,
                   "Manage closely");
}

static void
test_titles_and_demo (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autofree char *path = raad_demo_find_path ();
  g_autoptr(GPtrArray) ccr = NULL;
  g_autoptr(GPtrArray) linde = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (1, 3, 2031);

  g_assert_cmpuint (g_strv_length ((char **) raad_speelveld_categories ()), ==, 12);
  g_assert_cmpstr (raad_speelveld_categories ()[0], ==, "director");
  g_assert_cmpstr (raad_speelveld_category_title ("works-council"), ==, "Works council");
  g_assert_cmpstr (raad_speelveld_right_title ("consent"), ==, "Consent");
  g_assert_cmpstr (raad_speelveld_relation_title ("strained"), ==, "Strained");
  g_assert_cmpstr (raad_speelveld_contact_kind_title ("purchase-talk"), ==, "Purchase talk");
  g_assert_cmpstr (raad_speelveld_category_title ("alien"), ==, "alien");

  g_assert_true (raad_demo_load_at (store, path, today, &error));
  g_assert_no_error (error);
  ccr = raad_speelveld_list_parties (store, "council-ccr");
  linde = raad_speelveld_list_parties (store, "council-linde");
  g_assert_cmpuint (ccr->len, ==, 12);
  g_assert_cmpuint (linde->len, ==, 6);
  /* The example: the supervisory board, staff, care purchaser, municipality and the
   * steunpunt (never spoken to) overdue; the steunpunt first. */
  overdue = raad_speelveld_overdue (store, "council-ccr", "2031-03-01");
  g_assert_cmpuint (overdue->len, >=, 5);
  g_assert_cmpstr (name_of (overdue->pdata[0]), ==, "Landelijk steunpunt medezeggenschap");
  for (guint i = 1; i < overdue->len; i++)
    {
      RaadContactDue *before = overdue->pdata[i - 1];
      RaadContactDue *due = overdue->pdata[i];

      g_assert_true (before->state == RAAD_CONTACT_OVERDUE || due->state != RAAD_CONTACT_OVERDUE);
      if (before->state == due->state && due->state == RAAD_CONTACT_OVERDUE)
        g_assert_cmpint (before->days_overdue, >=, due->days_overdue);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/speelveld/overdue-on-dates", test_overdue_on_dates);
  g_test_add_func ("/store/speelveld/rhythm-change", test_rhythm_change);
  g_test_add_func ("/store/speelveld/log-contact", test_log_contact);
  g_test_add_func ("/store/speelveld/places", test_places);
  g_test_add_func ("/store/speelveld/titles-and-demo", test_titles_and_demo);

  return g_test_run ();
}
