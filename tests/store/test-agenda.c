/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-agenda.c: meetings from the template, item order, carried action points */
#include "config.h"

#include <string.h>

#include "raad-agenda.h"
#include "raad-test-util.h"

static char **
titles_of (GPtrArray *items)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **titles;

  for (guint i = 0; i < items->len; i++)
    g_strv_builder_add (builder, raad_record_get_string (g_ptr_array_index (items, i), "title"));
  titles = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return titles;
}

static void
test_template_and_order (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadMeeting) meeting = NULL;
  g_autoptr(RaadAgendaItem) advice = NULL;
  g_autoptr(RaadAgendaItem) sub = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_auto(GStrv) titles = NULL;
  const char *meeting_id;
  gint64 seq;

  meeting = raad_agenda_create_meeting (store, "council-a", "2026-12-03", "19:30", "21:30",
                                        RAAD_AGENDA_FROM_TEMPLATE, &error);
  g_assert_no_error (error);
  meeting_id = raad_record_get_id (RAAD_RECORD (meeting));
  items = raad_agenda_list_items (store, meeting_id);
  titles = titles_of (items);
  g_assert_cmpstrv (titles, ((const char *[]) {
    "Opening", "Adoption of the agenda", "Minutes and action list of the last meeting",
    "Announcements", "Information exchange with the other councils", "Any other business",
    "Closing", NULL }));
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_pointer (&titles, g_strfreev);

  /* A new item goes before the closing; a sub-item under its item. */
  advice = raad_agenda_add_item (store, meeting, NULL, "Adviesaanvraag begroting 2027", &error);
  g_assert_no_error (error);
  sub = raad_agenda_add_item (store, meeting, advice, "Toelichting door de bestuurder", &error);
  g_assert_no_error (error);
  items = raad_agenda_list_items (store, meeting_id);
  g_assert_cmpuint (items->len, ==, 9);
  g_assert_true (g_ptr_array_index (items, 6) == (gpointer) advice);
  g_assert_true (g_ptr_array_index (items, 7) == (gpointer) sub);
  g_assert_cmpstr (raad_record_get_string (g_ptr_array_index (items, 8), "title"), ==, "Closing");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Up twice: one document written per move, the sub-item travels with its item. */
  seq = raad_store_get_seq (store);
  g_assert_true (raad_agenda_move_item (advice, -1, &error));
  g_assert_cmpint (raad_store_get_seq (store), ==, seq + 1);
  g_assert_true (raad_agenda_move_item (advice, -1, &error));
  g_assert_no_error (error);
  items = raad_agenda_list_items (store, meeting_id);
  g_assert_true (g_ptr_array_index (items, 4) == (gpointer) advice);
  g_assert_true (g_ptr_array_index (items, 5) == (gpointer) sub);
  g_assert_cmpstr (raad_record_get_string (g_ptr_array_index (items, 6), "title"), ==,
                   "Information exchange with the other councils");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* The first item cannot go up, a lone sub-item neither. */
  {
    g_autoptr(GPtrArray) now = raad_agenda_list_items (store, meeting_id);

    g_assert_false (raad_agenda_move_item (g_ptr_array_index (now, 0), -1, &error));
    g_assert_false (raad_agenda_move_item (sub, -1, &error));
    g_assert_false (raad_agenda_move_item (sub, 1, &error));
    g_assert_no_error (error);
  }

  /* Last, before nothing. */
  g_assert_true (raad_agenda_move_item_before (advice, NULL, &error));
  items = raad_agenda_list_items (store, meeting_id);
  g_assert_true (g_ptr_array_index (items, 7) == (gpointer) advice);
  g_assert_true (g_ptr_array_index (items, 8) == (gpointer) sub);
}

static void
test_copy_last_and_action_points (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadMeeting) first = NULL;
  g_autoptr(RaadMeeting) second = NULL;
  g_autoptr(RaadMeeting) third = NULL;
  g_autoptr(RaadMeeting) other = NULL;
  g_autoptr(RaadAgendaItem) item = NULL;
  g_autoptr(RaadActionPoint) point = NULL;
  g_autoptr(RaadActionPoint) elsewhere = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) copied = NULL;

  first = raad_agenda_create_meeting (store, "council-a", "2026-10-01", "19:30", "21:30",
                                      RAAD_AGENDA_FROM_TEMPLATE, &error);
  g_assert_no_error (error);
  item = raad_agenda_add_item (store, first, NULL, "Maaltijden op de afdelingen", &error);
  g_assert_no_error (error);
  g_object_set (item, "minutes", "Besproken met de kok.", "decision", "Proefperiode", NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (item), &error));

  point = raad_action_point_new (store);
  g_object_set (point, "council-id", "council-a",
                "meeting-id", raad_record_get_id (RAAD_RECORD (first)),
                "item-id", raad_record_get_id (RAAD_RECORD (item)),
                "text", "Menukaart opvragen bij de facilitair manager", "due", "2026-11-01", NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (point), &error));
  elsewhere = raad_action_point_new (store);
  g_object_set (elsewhere, "council-id", "council-b", "text", "Niet van deze raad", NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (elsewhere), &error));

  /* The next meeting copies the agenda, not the minutes or decisions. */
  second = raad_agenda_create_meeting (store, "council-a", "2026-11-05", "19:30", "21:30",
                                       RAAD_AGENDA_COPY_LAST, &error);
  g_assert_no_error (error);
  copied = raad_agenda_list_items (store, raad_record_get_id (RAAD_RECORD (second)));
  g_assert_cmpuint (copied->len, ==, 8);
  g_assert_cmpstr (raad_record_get_string (g_ptr_array_index (copied, 6), "title"), ==,
                   "Maaltijden op de afdelingen");
  g_assert_null (raad_record_get_string (g_ptr_array_index (copied, 6), "minutes"));
  g_assert_null (raad_record_get_string (g_ptr_array_index (copied, 6), "decision"));
  g_assert_true (g_ptr_array_index (copied, 6) != (gpointer) item);

  /* The open action point appears for the next meeting, not for the one it was made in, and
   * never for another council. */
  open = raad_agenda_open_action_points (store, "council-a", "2026-11-05");
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_true (g_ptr_array_index (open, 0) == (gpointer) point);
  g_clear_pointer (&open, g_ptr_array_unref);
  open = raad_agenda_open_action_points (store, "council-a", "2026-10-01");
  g_assert_cmpuint (open->len, ==, 0);
  g_clear_pointer (&open, g_ptr_array_unref);

  /* Closed at the second meeting: gone from the third. */
  g_object_set (point, "done", "2026-11-05", NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (point), &error));
  third = raad_agenda_create_meeting (store, "council-a", "2026-12-03", "19:30", "21:30",
                                      RAAD_AGENDA_COPY_LAST, &error);
  g_assert_no_error (error);
  open = raad_agenda_open_action_points (store, "council-a", "2026-12-03");
  g_assert_cmpuint (open->len, ==, 0);

  /* Another council's new meeting starts from the template, not from council A's. */
  other = raad_agenda_create_meeting (store, "council-b", "2026-12-04", "14:00", "16:00",
                                      RAAD_AGENDA_COPY_LAST, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) items = raad_agenda_list_items (store, raad_record_get_id (RAAD_RECORD (other)));

    g_assert_cmpuint (items->len, ==, 7);
  }
}

static RaadRequest *
save_request (RaadStore  *store,
              const char *kind,
              const char *subject,
              const char *deadline)
{
  g_autoptr(GError) error = NULL;
  RaadRequest *request = raad_request_new (store);

  g_object_set (request, "council-id", "council-a", "kind", kind, "subject", subject,
                "article", g_str_equal (kind, "consent") ? "8" : "7", "letter", "g",
                "received", "2026-11-02", "deadline", deadline, "status", "received", NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (request), &error));
  g_assert_no_error (error);
  return request;
}

static void
test_requests (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadRequest) budget = save_request (store, "advice", "Begroting 2027", "2026-12-10");
  g_autoptr(RaadRequest) rules = save_request (store, "consent", "Klachtenregeling", "2027-02-01");
  g_autoptr(RaadRequest) late = save_request (store, "advice", "Huisvestingsplan", "2026-11-20");
  g_autoptr(RaadMeeting) meeting = NULL;
  g_autoptr(RaadAgendaItem) item = NULL;
  g_autoptr(GPtrArray) watch = NULL;
  g_autofree char *until = NULL;

  /* On 2026-11-28: the budget is due within two weeks (from 2026-11-26 on), the housing plan
   * overdue, the rules calm. */
  g_assert_cmpint (raad_agenda_request_warning (budget, "2026-11-28", &until), ==,
                   RAAD_REQUEST_DUE_SOON);
  g_assert_cmpstr (until, ==, "2026-12-10");
  g_clear_pointer (&until, g_free);
  g_assert_cmpint (raad_agenda_request_warning (budget, "2026-11-26", NULL), ==, RAAD_REQUEST_DUE_SOON);
  g_assert_cmpint (raad_agenda_request_warning (budget, "2026-11-25", NULL), ==, RAAD_REQUEST_CALM);
  g_assert_cmpint (raad_agenda_request_warning (budget, "2026-12-10", NULL), ==, RAAD_REQUEST_DUE_SOON);
  g_assert_cmpint (raad_agenda_request_warning (budget, "2026-12-11", NULL), ==, RAAD_REQUEST_OVERDUE);
  g_assert_cmpint (raad_agenda_request_warning (late, "2026-11-28", NULL), ==, RAAD_REQUEST_OVERDUE);
  g_assert_cmpint (raad_agenda_request_warning (rules, "2026-11-28", NULL), ==, RAAD_REQUEST_CALM);
  watch = raad_agenda_requests_to_watch (store, "council-a", "2026-11-28");
  g_assert_cmpuint (watch->len, ==, 2);
  g_assert_true (g_ptr_array_index (watch, 0) == (gpointer) late);
  g_assert_true (g_ptr_array_index (watch, 1) == (gpointer) budget);
  g_clear_pointer (&watch, g_ptr_array_unref);

  /* Answered: no warning. */
  g_object_set (late, "answer", "Positief advies met twee kanttekeningen", "answered",
                "2026-11-22", "status", "answered", NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (late), &error));
  g_assert_cmpint (raad_agenda_request_warning (late, "2026-11-28", NULL), ==, RAAD_REQUEST_CALM);

  /* Consent refused, decided anyway on 2027-02-15: a month to declare it void. */
  g_object_set (rules, "answer", "Geen instemming", "answered", "2027-01-20",
                "status", "answered", "decided-without-consent", "2027-02-15", NULL);
  g_assert_cmpint (raad_agenda_request_warning (rules, "2027-02-20", &until), ==,
                   RAAD_REQUEST_VOID_WINDOW);
  g_assert_cmpstr (until, ==, "2027-03-15");
  g_assert_cmpint (raad_agenda_request_warning (rules, "2027-03-15", NULL), ==, RAAD_REQUEST_VOID_WINDOW);
  g_assert_cmpint (raad_agenda_request_warning (rules, "2027-03-16", NULL), ==, RAAD_REQUEST_CALM);

  /* On the agenda in one step, before the closing, linked both ways. */
  meeting = raad_agenda_create_meeting (store, "council-a", "2026-12-03", "19:30", "21:30",
                                        RAAD_AGENDA_FROM_TEMPLATE, &error);
  g_assert_no_error (error);
  item = raad_agenda_add_request (store, meeting, budget, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (item), "title"), ==, "Begroting 2027");
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (item), "purpose"), ==, "advice-request");
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (item), "request-id"), ==,
                   raad_record_get_id (RAAD_RECORD (budget)));
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (budget), "status"), ==, "in-progress");
  {
    g_autoptr(GPtrArray) items = raad_agenda_list_items (store, raad_record_get_id (RAAD_RECORD (meeting)));

    g_assert_true (g_ptr_array_index (items, items->len - 2) == (gpointer) item);
  }
}

static void
test_shared (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadMeeting) a_meeting = NULL;
  g_autoptr(RaadMeeting) b_earlier = NULL;
  g_autoptr(RaadAgendaItem) item = NULL;
  g_autoptr(GPtrArray) for_b = NULL;
  g_autofree char *council = raad_test_save_council (store, "Lokale raad De Linde", "local", "Linde");
  g_autoptr(JsonObject) body = NULL;

  b_earlier = raad_agenda_create_meeting (store, "council-b", "2026-11-10", "14:00", "16:00",
                                          RAAD_AGENDA_FROM_TEMPLATE, &error);
  a_meeting = raad_agenda_create_meeting (store, council, "2026-11-17", "19:30", "21:30",
                                          RAAD_AGENDA_FROM_TEMPLATE, &error);
  g_assert_no_error (error);
  item = raad_agenda_add_item (store, a_meeting, NULL, "Nieuwe menukaart", &error);
  g_object_set (item, "decision", "De raad adviseert positief", NULL);
  g_assert_true (raad_agenda_set_shared (item, TRUE, &error));
  g_assert_no_error (error);

  /* The item stays private; what is shared is an organisation-wide record. */
  body = raad_store_get (store, raad_record_get_id (RAAD_RECORD (item)), &error);
  g_assert_cmpstr (json_object_get_string_member (body, "scope"), ==, "council");

  /* Council B's next meeting (after its meeting of 2026-11-10) shows it, with its origin. */
  for_b = raad_agenda_shared_from_others (store, "council-b", "2026-12-01");
  g_assert_cmpuint (for_b->len, ==, 1);
  {
    RaadRecord *shared = g_ptr_array_index (for_b, 0);
    g_autoptr(JsonObject) shared_body = raad_store_get (store, raad_record_get_id (shared), NULL);

    g_assert_cmpstr (raad_record_get_string (shared, "title"), ==, "Nieuwe menukaart");
    g_assert_cmpstr (raad_record_get_string (shared, "council-name"), ==, "Lokale raad De Linde");
    g_assert_cmpstr (raad_record_get_string (shared, "decision"), ==, "De raad adviseert positief");
    g_assert_false (json_object_has_member (shared_body, "scope"));
  }
  g_clear_pointer (&for_b, g_ptr_array_unref);

  /* Not on the council's own agenda, nor on B's meeting before it was shared. */
  for_b = raad_agenda_shared_from_others (store, council, "2026-12-01");
  g_assert_cmpuint (for_b->len, ==, 0);
  g_clear_pointer (&for_b, g_ptr_array_unref);
  for_b = raad_agenda_shared_from_others (store, "council-b", "2026-11-10");
  g_assert_cmpuint (for_b->len, ==, 0);
  g_clear_pointer (&for_b, g_ptr_array_unref);

  /* Unshared: withdrawn. */
  g_assert_true (raad_agenda_set_shared (item, FALSE, &error));
  for_b = raad_agenda_shared_from_others (store, "council-b", "2026-12-01");
  g_assert_cmpuint (for_b->len, ==, 0);
}

static void
test_documents (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(RaadStore) other = NULL;
  g_autoptr(RaadAgendaItem) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadMeeting) meeting = NULL;
  g_autoptr(RaadAgendaItem) item = NULL;
  g_autoptr(GBytes) letter = g_bytes_new_static ("%PDF-1.4 brief", 14);
  g_autoptr(GBytes) budget = g_bytes_new_static ("begroting", 9);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) huge = NULL;
  g_autoptr(GBytes) read = NULL;
  g_autofree char *second = NULL;
  g_autofree char *item_id = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *content_type = NULL;
  g_autofree guchar *big = NULL;

  meeting = raad_agenda_create_meeting (store, "council-a", "2026-12-03", "19:30", "21:30",
                                        RAAD_AGENDA_FROM_TEMPLATE, &error);
  g_assert_no_error (error);
  item = raad_agenda_add_item (store, meeting, NULL, "Adviesaanvraag begroting 2027", &error);
  g_assert_no_error (error);
  item_id = g_strdup (raad_record_get_id (RAAD_RECORD (item)));

  /* Attached and saved at once; the same name twice gets a number before the extension. */
  g_assert_true (raad_agenda_attach_document (item, "/home/x/Brief bestuurder.pdf",
                                              "application/pdf", letter, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (raad_agenda_attach_document (item, "Brief bestuurder.pdf", "application/pdf",
                                              budget, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (second, ==, "Brief bestuurder (2).pdf");
  g_assert_true (raad_agenda_attach_document (item, "begroting", NULL, budget, NULL, &error));
  g_assert_true (raad_agenda_attach_document (item, "begroting", NULL, budget, NULL, &error));

  /* Too large or empty: refused with the reason, and nothing is added. */
  big = g_malloc0 (RAAD_AGENDA_DOCUMENT_MAX_SIZE + 1);
  huge = g_bytes_new_static (big, RAAD_AGENDA_DOCUMENT_MAX_SIZE + 1);
  g_assert_false (raad_agenda_attach_document (item, "scan.tiff", NULL, huge, NULL, &error));
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "scan.tiff"));
  g_clear_error (&error);
  g_assert_false (raad_agenda_attach_document (item, "leeg.txt", NULL, empty, NULL, &error));
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  names = raad_record_list_attachments (RAAD_RECORD (item));
  g_assert_cmpstrv (names, ((const char *[]) { "Brief bestuurder (2).pdf", "Brief bestuurder.pdf",
                                               "begroting", "begroting (2)", NULL }));
  g_clear_pointer (&names, g_strfreev);
  g_assert_cmpint (raad_record_get_attachment_size (RAAD_RECORD (item), "Brief bestuurder.pdf"), ==, 14);

  g_assert_true (raad_agenda_remove_document (item, "begroting (2)", &error));
  g_assert_no_error (error);
  g_assert_false (raad_agenda_remove_document (item, "begroting (2)", &error));
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* They are in the file: a second connection reads the same bytes. */
  other = raad_store_open (raad_store_get_path (store), &error);
  g_assert_no_error (error);
  copy = RAAD_AGENDA_ITEM (raad_record_load (other, item_id, &error));
  g_assert_no_error (error);
  names = raad_record_list_attachments (RAAD_RECORD (copy));
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  read = raad_record_get_attachment (RAAD_RECORD (copy), "Brief bestuurder.pdf", &content_type, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, letter));
  g_assert_cmpstr (content_type, ==, "application/pdf");
}

static void
test_order_held_items (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadMeeting) meeting = NULL;
  g_autoptr(RaadAgendaItem) subject = NULL;
  g_autoptr(RaadAgendaItem) sub = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) held = NULL;
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GPtrArray) after = NULL;
  const char *meeting_id;

  meeting = raad_agenda_create_meeting (store, "council-a", "2026-12-03", "19:30", "21:30",
                                        RAAD_AGENDA_FROM_TEMPLATE, &error);
  g_assert_no_error (error);
  meeting_id = raad_record_get_id (RAAD_RECORD (meeting));
  subject = raad_agenda_add_item (store, meeting, NULL, "Begroting", &error);
  sub = raad_agenda_add_item (store, meeting, subject, "Toelichting", &error);
  g_assert_no_error (error);

  /* The items a page holds, in any order, come back in agenda order. */
  listed = raad_agenda_list_items (store, meeting_id);
  held = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = listed->len; i > 0; i--)
    g_ptr_array_add (held, g_object_ref (listed->pdata[(i * 5) % listed->len]));
  g_assert_cmpuint (held->len, ==, listed->len);
  ordered = raad_agenda_order_items (held);
  g_assert_cmpuint (ordered->len, ==, listed->len);
  for (guint i = 0; i < listed->len; i++)
    g_assert_true (ordered->pdata[i] == listed->pdata[i]);

  /* Moving among held items writes what reading the store would: up past "any other
   * business", its sub-item with it; first stays first. */
  g_assert_true (raad_agenda_move_item_among (subject, held, -1, &error));
  g_assert_no_error (error);
  after = raad_agenda_list_items (store, meeting_id);
  g_assert_true (after->pdata[5] == (gpointer) subject);
  g_assert_true (after->pdata[6] == (gpointer) sub);
  g_assert_cmpstr (raad_record_get_string (after->pdata[7], "standard"), ==, "any-other-business");
  g_assert_false (raad_agenda_move_item_among (after->pdata[0], held, -1, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/store/agenda/template-and-order", test_template_and_order);
  g_test_add_func ("/store/agenda/copy-last-and-action-points", test_copy_last_and_action_points);
  g_test_add_func ("/store/agenda/requests", test_requests);
  g_test_add_func ("/store/agenda/shared", test_shared);
  g_test_add_func ("/store/agenda/documents", test_documents);
  g_test_add_func ("/store/agenda/order-held-items", test_order_held_items);
  return g_test_run ();
}
