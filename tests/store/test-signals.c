/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-signals.c: the constituency loop: status rules, the agenda link both ways, overdue feedback */
#include "config.h"

#include "raad-agenda.h"
#include "raad-signals.h"
#include "raad-test-util.h"

#define COUNCIL "council-a"

static RaadSignal *
new_signal (RaadStore  *store,
            const char *received,
            const char *location,
            const char *theme,
            const char *text)
{
  RaadSignal *signal = raad_signal_new (store);

  g_object_set (signal,
                "council-id", COUNCIL,
                "received", received,
                "source", "living-room",
                "location", location,
                "theme", theme,
                "text", text,
                NULL);
  return signal;
}

static RaadSignal *
save_signal (RaadStore  *store,
             const char *received,
             const char *location,
             const char *theme,
             const char *text)
{
  g_autoptr(RaadSignal) signal = new_signal (store, received, location, theme, text);
  g_autoptr(GError) error = NULL;

  g_assert_true (raad_signals_save (signal, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&signal);
}

static void
test_validate_and_defaults (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(RaadSignal) signal = NULL;
  g_autoptr(GError) error = NULL;
  gboolean owed = FALSE;

  /* Each required field refused when missing; nothing written. */
  signal = new_signal (store, "2026-03-02", "Rozengaard", "Eten en drinken", NULL);
  g_assert_false (raad_signals_save (signal, &error));
  g_assert_error (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (signal, "text", "De soep is koud.", "theme", "  ", NULL);
  g_assert_false (raad_signals_save (signal, &error));
  g_assert_error (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (signal, "theme", "Eten en drinken", "received", "2 maart", NULL);
  g_assert_false (raad_signals_save (signal, &error));
  g_assert_error (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (signal, "received", "2026-03-02", "source", "gossip", NULL);
  g_assert_false (raad_signals_save (signal, &error));
  g_assert_error (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (signal, "source", "living-room", "location", NULL, NULL);
  g_assert_false (raad_signals_save (signal, &error));
  g_clear_error (&error);
  g_assert_cmpuint (raad_store_count (store, "signal"), ==, 0);

  /* Defaults: new, raised by a group, feedback due six weeks after when owed. */
  g_object_set (signal, "location", "Rozengaard", "feedback-owed", TRUE, NULL);
  g_assert_true (raad_signals_save (signal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (raad_store_count (store, "signal"), ==, 1);
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "status"), ==, "new");
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "raised-by-kind"), ==, "group");
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "feedback-due"), ==, "2026-04-13");
  g_object_get (signal, "feedback-owed", &owed, NULL);
  g_assert_true (owed);
  g_assert_cmpstr (raad_signals_describe_status (signal), ==, "New");
}

static void
test_status_rules (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(RaadSignal) signal = save_signal (store, "2026-03-02", "Lindehof", "Personeel",
                                              "Veel onbekende invalkrachten.");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  const char *id = raad_record_get_id (RAAD_RECORD (signal));

  /* Feedback before handled: refused with a clear error, nothing written. */
  g_assert_false (raad_signals_record_feedback (signal, "2026-04-01", "In de huiskamer", &error));
  g_assert_error (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_NOT_HANDLED);
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);
  body = raad_store_get (store, id, NULL);
  g_assert_false (json_object_has_member (body, "feedback_given"));
  g_assert_cmpstr (json_object_get_string_member (body, "status"), ==, "new");
  g_clear_pointer (&body, json_object_unref);

  /* Handled needs an outcome and a date. */
  g_assert_false (raad_signals_record_handled (signal, "2026-03-20", "", &error));
  g_assert_error (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (raad_signals_record_handled (signal, NULL, "Invalpool", &error));
  g_clear_error (&error);
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "status"), ==, "new");
  g_assert_true (raad_signals_record_handled (signal, "2026-03-20",
                                              "Vaste invalpool van zes medewerkers.", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "status"), ==, "handled");

  /* A handled signal does not go on an agenda again. */
  g_assert_null (raad_signals_put_on_agenda (store, signal, NULL, "2026-03-21", &error));
  g_assert_error (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_STATUS);
  g_clear_error (&error);

  /* Feedback: not before the signal was received, and how is required. */
  g_assert_false (raad_signals_record_feedback (signal, "2026-01-01", "Brief", &error));
  g_assert_error (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (raad_signals_record_feedback (signal, "2026-04-01", NULL, &error));
  g_clear_error (&error);
  g_assert_true (raad_signals_record_feedback (signal, "2026-04-01",
                                               "Besproken in het afdelingsoverleg", &error));
  g_assert_no_error (error);
  body = raad_store_get (store, id, NULL);
  g_assert_cmpstr (json_object_get_string_member (body, "status"), ==, "feedback-given");
  g_assert_cmpstr (json_object_get_string_member (body, "feedback_given"), ==, "2026-04-01");
  g_assert_cmpstr (json_object_get_string_member (body, "outcome"), ==,
                   "Vaste invalpool van zes medewerkers.");

  /* Correcting the outcome later keeps the feedback given. */
  g_assert_true (raad_signals_record_handled (signal, "2026-03-20", "Invalpool van acht.", &error));
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "status"), ==, "feedback-given");
}

static void
test_put_on_agenda (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(RaadSignal) signal = save_signal (store, "2026-03-02", "Rozengaard", "Eten en drinken",
                                              "Mevrouw J. uit kamer 12 krijgt koude soep.");
  g_autoptr(RaadMeeting) past = NULL;
  g_autoptr(RaadMeeting) next = NULL;
  g_autoptr(RaadMeeting) later = NULL;
  g_autoptr(RaadMeeting) found = NULL;
  g_autoptr(RaadAgendaItem) item = NULL;
  g_autoptr(RaadAgendaItem) linked = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *ids;
  const char *title;
  guint n_before;

  /* No meeting on or after today: a clear error, nothing written. */
  past = raad_agenda_create_meeting (store, COUNCIL, "2026-02-01", "19:30", "21:00",
                                     RAAD_AGENDA_FROM_TEMPLATE, &error);
  g_assert_no_error (error);
  n_before = raad_store_count (store, "agenda_item");
  g_assert_null (raad_signals_put_on_agenda (store, signal, NULL, "2026-03-05", &error));
  g_assert_error (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_NO_MEETING);
  g_test_message ("no meeting: %s", error->message);
  g_clear_error (&error);
  g_assert_cmpuint (raad_store_count (store, "agenda_item"), ==, n_before);
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "status"), ==, "new");

  /* Two meetings ahead (and one of another council): the next one is taken. */
  later = raad_agenda_create_meeting (store, COUNCIL, "2026-05-07", "19:30", "21:00",
                                      RAAD_AGENDA_FROM_TEMPLATE, &error);
  next = raad_agenda_create_meeting (store, COUNCIL, "2026-04-02", "19:30", "21:00",
                                     RAAD_AGENDA_FROM_TEMPLATE, &error);
  g_clear_object (&found);
  {
    g_autoptr(RaadMeeting) other = raad_agenda_create_meeting (store, "council-b", "2026-03-10",
                                                               "19:30", "21:00",
                                                               RAAD_AGENDA_FROM_TEMPLATE, &error);
    g_assert_no_error (error);
  }
  found = raad_signals_next_meeting (store, COUNCIL, "2026-03-05");
  g_assert_true (found == next);

  item = raad_signals_put_on_agenda (store, signal, NULL, "2026-03-05", &error);
  g_assert_no_error (error);
  g_assert_nonnull (item);

  /* The item: in the next meeting, before the closing, titled from theme and location (never
   * from the personal text), listing the signal. */
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (item), "meeting-id"), ==,
                   raad_record_get_id (RAAD_RECORD (next)));
  title = raad_record_get_string (RAAD_RECORD (item), "title");
  g_assert_cmpstr (title, ==, "Signal from the constituency: Eten en drinken (Rozengaard)");
  g_assert_null (strstr (title, "kamer 12"));
  ids = raad_record_get_strv (RAAD_RECORD (item), "signal-ids");
  g_assert_nonnull (ids);
  g_assert_cmpstrv (ids, ((const char *[]) { raad_record_get_id (RAAD_RECORD (signal)), NULL }));
  items = raad_agenda_list_items (store, raad_record_get_id (RAAD_RECORD (next)));
  g_assert_cmpuint (items->len, ==, 8);
  g_assert_true (items->pdata[6] == (gpointer) item);
  g_assert_cmpstr (raad_record_get_string (items->pdata[7], "standard"), ==, "closing");

  /* The signal: linked back, on the agenda. */
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "status"), ==, "on-agenda");
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "meeting-id"), ==,
                   raad_record_get_id (RAAD_RECORD (next)));
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "agenda-item-id"), ==,
                   raad_record_get_id (RAAD_RECORD (item)));
  linked = raad_signals_get_agenda_item (signal);
  g_assert_true (linked == item);
  back = raad_signals_for_agenda_item (item);
  g_assert_cmpuint (back->len, ==, 1);
  g_assert_true (back->pdata[0] == (gpointer) signal);
  g_assert_cmpstr (raad_signals_describe_status (signal), ==, "On the agenda");

  /* Not twice. */
  g_assert_null (raad_signals_put_on_agenda (store, signal, later, "2026-03-05", &error));
  g_assert_error (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_STATUS);
  g_clear_error (&error);

  /* Taken off: the item made for it alone goes, the signal is new again. */
  g_assert_true (raad_signals_take_off_agenda (signal, &error));
  g_assert_no_error (error);
  g_assert_true (raad_record_get_deleted (RAAD_RECORD (item)));
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "status"), ==, "new");
  g_assert_null (raad_record_get_string (RAAD_RECORD (signal), "agenda-item-id"));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = raad_agenda_list_items (store, raad_record_get_id (RAAD_RECORD (next)));
  g_assert_cmpuint (items->len, ==, 7);

  /* On a chosen meeting. */
  g_clear_object (&item);
  item = raad_signals_put_on_agenda (store, signal, later, "2026-03-05", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "meeting-id"), ==,
                   raad_record_get_id (RAAD_RECORD (later)));
}

static void
test_item_deleted (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(RaadSignal) signal = save_signal (store, "2026-03-02", "De Linde", "Veiligheid",
                                              "De nooduitgang staat vol rolstoelen.");
  g_autoptr(RaadSignal) second = save_signal (store, "2026-03-03", "De Linde", "Veiligheid",
                                              "Tweede melding over de nooduitgang.");
  g_autoptr(RaadMeeting) meeting = NULL;
  g_autoptr(RaadAgendaItem) item = NULL;
  g_autoptr(RaadAgendaItem) again = NULL;
  g_autoptr(GError) error = NULL;

  meeting = raad_agenda_create_meeting (store, COUNCIL, "2026-04-02", "19:30", "21:00",
                                        RAAD_AGENDA_FROM_TEMPLATE, &error);
  item = raad_signals_put_on_agenda (store, signal, meeting, "2026-03-05", &error);
  g_assert_no_error (error);

  /* The item deleted on the meetings page: the signal shows it is no longer on the agenda,
   * and may be put on one again. */
  g_assert_true (raad_record_delete (RAAD_RECORD (item), &error));
  g_assert_no_error (error);
  g_assert_true (raad_signals_agenda_item_gone (signal));
  g_assert_null (raad_signals_get_agenda_item (signal));
  g_assert_cmpstr (raad_signals_describe_status (signal), ==, "No longer on the agenda");
  again = raad_signals_put_on_agenda (store, signal, NULL, "2026-03-05", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_false (raad_signals_agenda_item_gone (signal));
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "agenda-item-id"), ==,
                   raad_record_get_id (RAAD_RECORD (again)));

  /* Deleted again, then taken off: the link is cleared without touching the tombstone. */
  g_assert_true (raad_record_delete (RAAD_RECORD (again), &error));
  g_assert_true (raad_signals_take_off_agenda (signal, &error));
  g_assert_no_error (error);
  g_assert_false (raad_signals_agenda_item_gone (signal));
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "status"), ==, "new");
  g_assert_true (raad_record_get_deleted (RAAD_RECORD (again)));

  /* An item that lists another signal too only forgets the one taken off. */
  g_clear_object (&item);
  item = raad_signals_put_on_agenda (store, second, meeting, "2026-03-05", &error);
  g_assert_no_error (error);
  {
    const char *both[] = { raad_record_get_id (RAAD_RECORD (second)),
                           raad_record_get_id (RAAD_RECORD (signal)), NULL };

    raad_record_set_strv (RAAD_RECORD (item), "signal-ids", both);
    g_assert_true (raad_record_save (RAAD_RECORD (item), &error));
    g_object_set (signal, "agenda-item-id", raad_record_get_id (RAAD_RECORD (item)),
                  "status", "on-agenda", NULL);
    g_assert_true (raad_record_save (RAAD_RECORD (signal), &error));
  }
  g_assert_true (raad_signals_take_off_agenda (second, &error));
  g_assert_false (raad_record_get_deleted (RAAD_RECORD (item)));
  g_assert_cmpstrv (raad_record_get_strv (RAAD_RECORD (item), "signal-ids"),
                    ((const char *[]) { raad_record_get_id (RAAD_RECORD (signal)), NULL }));

  /* Deleting a signal takes it off the item's list; undeleting puts it back. */
  g_assert_true (raad_signals_delete (signal, &error));
  g_assert_no_error (error);
  g_assert_true (raad_record_get_deleted (RAAD_RECORD (signal)));
  g_assert_null (raad_record_get_strv (RAAD_RECORD (item), "signal-ids")[0]);
  g_assert_true (raad_signals_undelete (signal, &error));
  g_assert_no_error (error);
  g_assert_false (raad_record_get_deleted (RAAD_RECORD (signal)));
  g_assert_cmpstrv (raad_record_get_strv (RAAD_RECORD (item), "signal-ids"),
                    ((const char *[]) { raad_record_get_id (RAAD_RECORD (signal)), NULL }));
}

static void
test_overdue_and_order (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(RaadSignal) old_due = save_signal (store, "2026-01-05", "Lindehof", "Personeel", "a");
  g_autoptr(RaadSignal) newer_due = save_signal (store, "2026-02-01", "Rozengaard", "Personeel", "b");
  g_autoptr(RaadSignal) newest = save_signal (store, "2026-03-01", "Rozengaard", "Eten", "c");
  g_autoptr(RaadSignal) middle = save_signal (store, "2026-02-15", "Lindehof", "Eten", "d");
  g_autoptr(RaadSignal) given = save_signal (store, "2026-01-01", "Lindehof", "Eten", "e");
  g_autoptr(RaadSignal) other = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) themes = NULL;
  g_auto(GStrv) locations = NULL;

  g_object_set (old_due, "feedback-owed", TRUE, "feedback-due", "2026-02-10", NULL);
  g_object_set (newer_due, "feedback-owed", TRUE, "feedback-due", "2026-03-01", NULL);
  g_object_set (middle, "feedback-owed", FALSE, "feedback-due", "2026-02-20", NULL);
  g_object_set (given, "feedback-owed", TRUE, "feedback-due", "2026-02-01", NULL);
  g_assert_true (raad_signals_save (old_due, &error));
  g_assert_true (raad_signals_save (newer_due, &error));
  g_assert_true (raad_signals_save (middle, &error));
  g_assert_true (raad_signals_save (given, &error));
  g_assert_true (raad_signals_record_handled (given, "2026-01-15", "Opgelost", &error));
  g_assert_true (raad_signals_record_feedback (given, "2026-01-20", "Brief", &error));
  g_assert_no_error (error);
  other = new_signal (store, "2026-03-02", "Elders", "Anders", "f");
  g_object_set (other, "council-id", "council-b", NULL);
  g_assert_true (raad_signals_save (other, &error));

  /* Overdue on given dates: the due date itself is not overdue yet. */
  g_assert_false (raad_signals_feedback_overdue (old_due, "2026-02-10"));
  g_assert_true (raad_signals_feedback_overdue (old_due, "2026-02-11"));
  g_assert_false (raad_signals_feedback_overdue (newer_due, "2026-02-11"));
  g_assert_true (raad_signals_feedback_overdue (newer_due, "2026-03-02"));
  g_assert_false (raad_signals_feedback_overdue (middle, "2027-01-01"));   /* not owed */
  g_assert_false (raad_signals_feedback_overdue (given, "2027-01-01"));    /* given */

  /* On 2026-03-02: both overdue first (most overdue first), then newest first. */
  list = raad_signals_list (store, COUNCIL, NULL, NULL, "2026-03-02");
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_true (list->pdata[0] == (gpointer) old_due);
  g_assert_true (list->pdata[1] == (gpointer) newer_due);
  g_assert_true (list->pdata[2] == (gpointer) newest);
  g_assert_true (list->pdata[3] == (gpointer) middle);
  g_assert_true (list->pdata[4] == (gpointer) given);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The count and the lazy model say the same. */
  {
    g_autoptr(RaadRecordList) model = raad_signals_list_model (store, COUNCIL, NULL, NULL, "2026-03-02");
    guint n_overdue = 0;

    g_assert_cmpuint (raad_signals_count (store, COUNCIL, NULL, NULL, "2026-03-02", &n_overdue), ==, 5);
    g_assert_cmpuint (n_overdue, ==, 2);
    g_assert_cmpuint (raad_signals_count (store, COUNCIL, "Lindehof", NULL, "2026-03-02", &n_overdue), ==, 3);
    g_assert_cmpuint (n_overdue, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
    g_assert_cmpstr (raad_record_list_get_id (model, 0), ==, raad_record_get_id (RAAD_RECORD (old_due)));
    g_assert_cmpstr (raad_record_list_get_id (model, 4), ==, raad_record_get_id (RAAD_RECORD (given)));
  }

  /* On 2026-02-20 only the first is overdue. */
  list = raad_signals_list (store, COUNCIL, NULL, NULL, "2026-02-20");
  g_assert_true (list->pdata[0] == (gpointer) old_due);
  g_assert_true (list->pdata[1] == (gpointer) newest);
  g_assert_true (list->pdata[2] == (gpointer) middle);
  g_assert_true (list->pdata[3] == (gpointer) newer_due);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Filters by location and theme. */
  list = raad_signals_list (store, COUNCIL, "Lindehof", "Eten", "2026-03-02");
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (list->pdata[0] == (gpointer) middle);
  g_assert_true (list->pdata[1] == (gpointer) given);
  g_clear_pointer (&list, g_ptr_array_unref);

  themes = raad_signals_list_values (store, COUNCIL, "theme");
  g_assert_cmpstrv (themes, ((const char *[]) { "Eten", "Personeel", NULL }));
  locations = raad_signals_list_values (store, COUNCIL, "location");
  g_assert_cmpstrv (locations, ((const char *[]) { "Lindehof", "Rozengaard", NULL }));
}

static void
test_privacy (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();

  /* The free text and who raised it are personal; theme and location are not (they title
   * agenda items and group the chart). */
  g_assert_true (raad_record_type_field_is_personal (RAAD_TYPE_SIGNAL, "text"));
  g_assert_true (raad_record_type_field_is_personal (RAAD_TYPE_SIGNAL, "raised_by"));
  g_assert_false (raad_record_type_field_is_personal (RAAD_TYPE_SIGNAL, "theme"));
  g_assert_false (raad_record_type_field_is_personal (RAAD_TYPE_SIGNAL, "location"));
  {
    g_autoptr(RaadSignal) signal = new_signal (store, "2026-03-02", "Rozengaard", "Eten",
                                               "Meneer K. (diabetes) krijgt geen aangepast menu.");
    g_autofree char *title = raad_signals_agenda_title (signal);

    g_assert_null (strstr (title, "diabetes"));
    g_assert_null (strstr (title, "Meneer"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/store/signals/validate-and-defaults", test_validate_and_defaults);
  g_test_add_func ("/store/signals/status-rules", test_status_rules);
  g_test_add_func ("/store/signals/put-on-agenda", test_put_on_agenda);
  g_test_add_func ("/store/signals/item-deleted", test_item_deleted);
  g_test_add_func ("/store/signals/overdue-and-order", test_overdue_and_order);
  g_test_add_func ("/store/signals/privacy", test_privacy);
  return g_test_run ();
}
