/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-agenda-export.c: agenda and minutes as PDF (read with poppler), Markdown and .ics (libical) */
#define G_LOG_DOMAIN "raad-test"

#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include <libical/ical.h>
#include <poppler.h>

#include "raad-agenda.h"
#include "raad-agenda-document.h"
#include "raad-agenda-markdown.h"
#include "raad-meeting-ical.h"
#include "raad-member.h"
#include "raad-test-util.h"

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define LINDE   "Lokale raad De Linde"
#define BAKEN   "Lokale raad Het Baken"
#define PLACE   "Zaal De Linde, Amersfoort"
#define LINK    "https://meet.example.org/raad-linde"
#define CARRIED "Menukaart opvragen bij de facilitair manager"
#define MADE    "Advies versturen aan de bestuurder"
#define WARNING "The agenda runs until 21:20, 20 minutes past the planned end (21:00)."

typedef struct
{
  RaadStore *store;
  char      *dir;
  char      *linde_id;
  char      *meeting_id;
  char      *late_id;     /* a meeting from 22:30 to 00:30 */
} Fixture;

static char *
save_member (RaadStore  *store,
             const char *name,
             const char *council_id)
{
  g_autoptr(RaadMember) member = raad_member_new (store);
  g_autoptr(GError) error = NULL;

  raad_member_set_name (member, name);
  raad_member_set_role (member, RAAD_ROLE_MEMBER);
  raad_member_set_council_id (member, council_id);
  g_assert_true (raad_record_save (RAAD_RECORD (member), &error));
  g_assert_no_error (error);
  return g_strdup (raad_record_get_id (RAAD_RECORD (member)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *baken_id = NULL;
  g_autofree char *anna = NULL;
  g_autofree char *henk = NULL;
  g_autoptr(RaadMeeting) earlier = NULL;
  g_autoptr(RaadMeeting) baken_meeting = NULL;
  g_autoptr(RaadMeeting) meeting = NULL;
  g_autoptr(RaadMeeting) late = NULL;
  g_autoptr(RaadAgendaItem) old_item = NULL;
  g_autoptr(RaadAgendaItem) shared = NULL;
  g_autoptr(RaadAgendaItem) budget = NULL;
  g_autoptr(RaadAgendaItem) sub = NULL;
  g_autoptr(RaadActionPoint) carried = NULL;
  g_autoptr(RaadActionPoint) made = NULL;
  g_autoptr(RaadRequest) request = NULL;
  const char *guests[] = { "K. Dijkstra (bestuurder)", "M. Verbeek (zorginkoper)", NULL };

  fixture->store = raad_test_store_new ();
  fixture->dir = raad_test_make_tmpdir ();
  fixture->linde_id = raad_test_save_council (fixture->store, LINDE, "local", "Amersfoort");
  baken_id = raad_test_save_council (fixture->store, BAKEN, "local", "Zeist");
  anna = save_member (fixture->store, "Anna de Vries", fixture->linde_id);
  henk = save_member (fixture->store, "Henk Mulder", fixture->linde_id);

  /* An earlier meeting left an action point open. */
  earlier = raad_agenda_create_meeting (fixture->store, fixture->linde_id, "2026-11-05",
                                        "19:30", "21:30", RAAD_AGENDA_FROM_TEMPLATE, &error);
  g_assert_no_error (error);
  old_item = raad_agenda_add_item (fixture->store, earlier, NULL, "Maaltijden op de afdelingen",
                                   &error);
  g_assert_no_error (error);
  carried = raad_action_point_new (fixture->store);
  g_object_set (carried, "council-id", fixture->linde_id,
                "meeting-id", raad_record_get_id (RAAD_RECORD (earlier)),
                "item-id", raad_record_get_id (RAAD_RECORD (old_item)),
                "text", CARRIED, "owner-id", henk, "due", "2026-11-30", NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (carried), &error));

  /* Het Baken shared an item after its meeting. */
  baken_meeting = raad_agenda_create_meeting (fixture->store, baken_id, "2026-11-17", "14:00",
                                              "16:00", RAAD_AGENDA_FROM_TEMPLATE, &error);
  g_assert_no_error (error);
  shared = raad_agenda_add_item (fixture->store, baken_meeting, NULL, "Nieuwe menukaart", &error);
  g_object_set (shared, "decision", "De raad adviseert positief", NULL);
  g_assert_true (raad_agenda_set_shared (shared, TRUE, &error));
  g_assert_no_error (error);

  /* The meeting: template (65 minutes) plus an advice request of 45 minutes with a
   * sub-item, from 19:30 to 21:00: it runs 20 minutes over. */
  meeting = raad_agenda_create_meeting (fixture->store, fixture->linde_id, "2026-12-03",
                                        "19:30", "21:00", RAAD_AGENDA_FROM_TEMPLATE, &error);
  g_assert_no_error (error);
  g_object_set (meeting, "place", PLACE, "online-link", LINK, "guests", guests, NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (meeting), &error));
  fixture->meeting_id = g_strdup (raad_record_get_id (RAAD_RECORD (meeting)));

  request = raad_request_new (fixture->store);
  g_object_set (request, "council-id", fixture->linde_id, "kind", "advice", "article", "7",
                "letter", "g", "subject", "Begroting 2027", "received", "2026-11-02",
                "deadline", "2026-12-10", "status", "received", NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (request), &error));
  budget = raad_agenda_add_request (fixture->store, meeting, request, &error);
  g_assert_no_error (error);
  g_object_set (budget, "duration", 45, "presenter-id", anna, "guest", "K. Dijkstra",
                "minutes", "De bestuurder lichtte de begroting toe; vragen over de personeelskosten.",
                "decision", "Positief advies met twee kanttekeningen", NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (budget), &error));
  {
    g_autoptr(GBytes) letter = g_bytes_new_static ("%PDF-1.4", 8);

    g_assert_true (raad_agenda_attach_document (budget, "Adviesaanvraag begroting.pdf",
                                                "application/pdf", letter, NULL, &error));
    g_assert_no_error (error);
  }
  sub = raad_agenda_add_item (fixture->store, meeting, budget, "Toelichting financiën", &error);
  g_object_set (sub, "duration", 20, NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (sub), &error));

  /* An action point made at this meeting: in its minutes, not on its agenda. */
  made = raad_action_point_new (fixture->store);
  g_object_set (made, "council-id", fixture->linde_id, "meeting-id", fixture->meeting_id,
                "item-id", raad_record_get_id (RAAD_RECORD (budget)),
                "text", MADE, "owner-id", anna, "due", "2027-01-15", NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (made), &error));
  g_assert_no_error (error);

  late = raad_agenda_create_meeting (fixture->store, fixture->linde_id, "2026-12-31", "22:30",
                                     "00:30", RAAD_AGENDA_FROM_TEMPLATE, &error);
  g_assert_no_error (error);
  fixture->late_id = g_strdup (raad_record_get_id (RAAD_RECORD (late)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  raad_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->linde_id);
  g_free (fixture->meeting_id);
  g_free (fixture->late_id);
  g_assert_finalize_object (fixture->store);
}

static PopplerDocument *
export_and_open (Fixture            *fixture,
                 RaadAgendaDocument *document,
                 const char         *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf;

  g_assert_true (raad_agenda_document_export_pdf (document, path, &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (path, NULL, &error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==,
                   raad_agenda_document_get_n_pages (document));
  return pdf;
}

static char *
document_text (PopplerDocument *pdf)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }
  /* Lines break where the page is narrow (large print): compare words, not lines. */
  g_strdelimit (text->str, "\n", ' ');
  return g_string_free (text, FALSE);
}

/* The smallest and largest font size of any text in the PDF. */
static void
font_sizes (PopplerDocument *pdf,
            double          *smallest,
            double          *largest)
{
  *smallest = G_MAXDOUBLE;
  *largest = 0;
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      GList *attributes = poppler_page_get_text_attributes (page);

      for (GList *l = attributes; l != NULL; l = l->next)
        {
          PopplerTextAttributes *a = l->data;

          *smallest = MIN (*smallest, a->font_size);
          *largest = MAX (*largest, a->font_size);
        }
      poppler_page_free_text_attributes (attributes);
    }
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” should not be in:\n%s", part, text);
}

/* @a comes before @b in @text. */
static void
assert_order (const char *text,
              const char *a,
              const char *b)
{
  const char *pa = strstr (text, a);

  assert_contains (text, a);
  assert_contains (pa, b);
}

static void
save_screenshot (PopplerDocument *pdf,
                 const char      *name)
{
  const char *dir = g_getenv ("RAADSWERK_SCREENSHOT_DIR");
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, 0);
  g_autofree char *path = NULL;
  double width, height;
  double scale = 100.0 / 72.0;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (dir == NULL)
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale),
                                        (int) (height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_test_message ("page 1 rendered to %s", path);
}

static void
test_agenda_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RaadAgendaDocument) normal = raad_agenda_document_new (fixture->store,
                                                                   fixture->meeting_id,
                                                                   RAAD_AGENDA_DOCUMENT_AGENDA);
  g_autoptr(RaadAgendaDocument) large = raad_agenda_document_new (fixture->store,
                                                                  fixture->meeting_id,
                                                                  RAAD_AGENDA_DOCUMENT_AGENDA);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerDocument) large_pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *large_text = NULL;
  g_autofree char *title = NULL;
  double smallest, largest, large_smallest, large_largest;

  pdf = export_and_open (fixture, normal, "agenda.pdf");
  text = document_text (pdf);
  title = poppler_document_get_title (pdf);
  assert_contains (title, LINDE);

  /* The header. */
  assert_contains (text, LINDE);
  assert_contains (text, "Thursday 3 December 2026");
  assert_contains (text, "19:30–21:00");
  assert_contains (text, PLACE);
  assert_contains (text, LINK);
  assert_contains (text, "K. Dijkstra (bestuurder), M. Verbeek (zorginkoper)");
  assert_contains (text, WARNING);

  /* Numbers, times and titles in agenda order. */
  assert_order (text, "Opening", "Adoption of the agenda");
  assert_contains (text, "19:30");
  assert_contains (text, "19:40");
  assert_order (text, "Minutes and action list of the last meeting", CARRIED);
  assert_order (text, CARRIED, "Information exchange with the other councils");
  assert_order (text, "Information exchange with the other councils",
                "Nieuwe menukaart (" BAKEN ")");
  assert_contains (text, "Decision: De raad adviseert positief");
  assert_contains (text, "Owner: Henk Mulder");
  assert_contains (text, "Due: 30 November 2026");
  assert_order (text, "Nieuwe menukaart", "Begroting 2027");
  assert_order (text, "Begroting 2027", "Toelichting financiën");
  assert_contains (text, "7.1");
  assert_contains (text, "20:30");
  assert_contains (text, "21:15");
  assert_contains (text, "Advice request");
  assert_contains (text, "45 min");
  assert_contains (text, "Presenter: Anna de Vries");
  assert_contains (text, "Guest: K. Dijkstra");
  assert_contains (text, "Documents: Adviesaanvraag begroting.pdf");
  /* Made at this meeting: for the next one's agenda, not this one's; no minutes here. */
  assert_lacks (text, MADE);
  assert_lacks (text, "personeelskosten");

  /* Large print: the same content, bigger, on more pages. */
  raad_agenda_document_set_large_print (large, TRUE);
  large_pdf = export_and_open (fixture, large, "agenda-groot.pdf");
  large_text = document_text (large_pdf);
  assert_contains (large_text, "Begroting 2027");
  assert_contains (large_text, CARRIED);
  assert_contains (large_text, "Nieuwe menukaart (" BAKEN ")");
  assert_contains (large_text, WARNING);
  assert_contains (large_text, "Presenter: Anna de Vries");
  g_assert_cmpint (poppler_document_get_n_pages (large_pdf), >,
                   poppler_document_get_n_pages (pdf));
  font_sizes (pdf, &smallest, &largest);
  font_sizes (large_pdf, &large_smallest, &large_largest);
  g_test_message ("normal: %d pages, fonts %.1f–%.1f pt; large print: %d pages, %.1f–%.1f pt",
                  poppler_document_get_n_pages (pdf), smallest, largest,
                  poppler_document_get_n_pages (large_pdf), large_smallest, large_largest);
  g_assert_cmpfloat (smallest, <, 12);
  g_assert_cmpfloat (large_smallest, >=, 15.9);
  g_assert_cmpfloat (raad_agenda_document_get_body_size (large), >=, 16);

  save_screenshot (pdf, "agenda-pdf-page1.png");
  save_screenshot (large_pdf, "agenda-large-pdf-page1.png");
}

static void
test_minutes_pdf (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RaadAgendaDocument) minutes = raad_agenda_document_new (fixture->store,
                                                                    fixture->meeting_id,
                                                                    RAAD_AGENDA_DOCUMENT_MINUTES);
  g_autoptr(PopplerDocument) pdf = export_and_open (fixture, minutes, "notulen.pdf");
  g_autofree char *text = document_text (pdf);
  g_autofree char *title = poppler_document_get_title (pdf);

  assert_contains (title, "Minutes");
  assert_contains (text, LINDE);
  assert_contains (text, "Thursday 3 December 2026");
  assert_order (text, "Begroting 2027", "vragen over de personeelskosten");
  assert_order (text, "personeelskosten", "Positief advies met twee kanttekeningen");
  assert_order (text, "Positief advies", MADE);
  assert_order (text, MADE, "Owner: Anna de Vries");
  assert_contains (text, "Due: 15 January 2027");
  assert_order (text, MADE, "Toelichting financiën");
  /* Not the agenda's extras: no times, no carried points, no overrun warning. */
  assert_lacks (text, CARRIED);
  assert_lacks (text, "past the planned end");
  assert_lacks (text, "19:40");
  save_screenshot (pdf, "minutes-pdf-page1.png");
}

static void
test_markdown (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *markdown = raad_agenda_markdown (fixture->store, fixture->meeting_id);
  g_autofree char *plain = raad_agenda_plain_text (fixture->store, fixture->meeting_id);
  g_auto(GStrv) lines = NULL;
  const char *expected[] = {
    "# Agenda " LINDE,
    "",
    "**Date:** Thursday 3 December 2026  ",
    "**Time:** 19:30–21:00  ",
    "**Place:** " PLACE "  ",
    "**Online:** " LINK "  ",
    "**Guests:** K. Dijkstra (bestuurder), M. Verbeek (zorginkoper)  ",
    "",
    "1. **19:30** Opening (5 min)",
    "2. **19:35** Adoption of the agenda (5 min)",
    "3. **19:40** Minutes and action list of the last meeting (15 min)",
    "4. **19:55** Announcements (10 min)",
    "5. **20:05** Information exchange with the other councils (15 min)",
    "6. **20:20** Any other business (10 min)",
    "7. **20:30** Begroting 2027 (Advice request, 45 min, Anna de Vries, K. Dijkstra (guest), documents: Adviesaanvraag begroting.pdf)",
    "   - 7.1 **20:30** Toelichting financiën (Discussion, 20 min)",
    "8. **21:15** Closing (5 min)",
    "",
    "**" WARNING "**",
    "",
    NULL
  };

  g_assert_nonnull (markdown);
  lines = g_strsplit (markdown, "\n", -1);
  g_assert_cmpstrv (lines, expected);

  assert_contains (plain, "7. 20:30 Begroting 2027 (Advice request, 45 min");
  assert_contains (plain, "   7.1 20:30 Toelichting financiën");
  assert_lacks (plain, "**");

  g_assert_null (raad_agenda_markdown (fixture->store, "no-such-meeting"));
}

static icalcomponent *
parse_event (const char    *ics,
             icalcomponent **calendar)
{
  icalcomponent *event;

  *calendar = icalparser_parse_string (ics);
  g_assert_nonnull (*calendar);
  g_assert_cmpint (icalcomponent_isa (*calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_components (*calendar, ICAL_VEVENT_COMPONENT), ==, 1);
  g_assert_nonnull (icalcomponent_get_first_component (*calendar, ICAL_VTIMEZONE_COMPONENT));
  event = icalcomponent_get_first_component (*calendar, ICAL_VEVENT_COMPONENT);
  g_assert_nonnull (event);
  return event;
}

static void
assert_time (icalcomponent  *event,
             icalproperty_kind kind,
             const char     *expected)
{
  icalproperty *property = icalcomponent_get_first_property (event, kind);
  icalparameter *tzid;
  struct icaltimetype time;

  g_assert_nonnull (property);
  tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  g_assert_nonnull (tzid);
  g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, RAAD_MEETING_ICAL_TZID);
  time = kind == ICAL_DTSTART_PROPERTY ? icalproperty_get_dtstart (property)
                                       : icalproperty_get_dtend (property);
  g_assert_cmpstr (icaltime_as_ical_string (time), ==, expected);
}

static void
test_ical (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "vergadering.ics", NULL);
  g_autofree char *ics = NULL;
  g_autofree char *again = NULL;
  g_autofree char *late = NULL;
  g_autofree char *uid = g_strdup_printf ("%s@raadswerk", fixture->meeting_id);
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar, *event, *second;
  const char *description;

  g_assert_true (raad_meeting_ical_save (fixture->store, fixture->meeting_id, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &ics, NULL, &error));
  g_assert_no_error (error);

  event = parse_event (ics, &calendar);
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);
  assert_time (event, ICAL_DTSTART_PROPERTY, "20261203T193000");
  assert_time (event, ICAL_DTEND_PROPERTY, "20261203T210000");
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, LINDE ": meeting");
  g_assert_cmpstr (icalcomponent_get_location (event), ==, PLACE);
  g_assert_cmpstr (icalproperty_get_url (icalcomponent_get_first_property (event, ICAL_URL_PROPERTY)),
                   ==, LINK);
  description = icalcomponent_get_description (event);
  g_assert_nonnull (description);
  assert_contains (description, "Online: " LINK);
  assert_contains (description, "7. 20:30 Begroting 2027");
  icalcomponent_free (calendar);

  /* The UID stays the same on a second export: a calendar updates the event. */
  again = raad_meeting_ical_to_string (fixture->store, fixture->meeting_id, &error);
  g_assert_no_error (error);
  event = parse_event (again, &calendar);
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);
  icalcomponent_free (calendar);

  /* Past midnight: the end is the next day. */
  late = raad_meeting_ical_to_string (fixture->store, fixture->late_id, &error);
  g_assert_no_error (error);
  second = parse_event (late, &calendar);
  assert_time (second, ICAL_DTSTART_PROPERTY, "20261231T223000");
  assert_time (second, ICAL_DTEND_PROPERTY, "20270101T003000");
  g_assert_null (icalcomponent_get_first_property (second, ICAL_LOCATION_PROPERTY));
  icalcomponent_free (calendar);

  /* A meeting that does not exist: an error, no file. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (fixture->dir, "geen.ics", NULL);
  g_assert_false (raad_meeting_ical_save (fixture->store, "no-such-meeting", path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/export/agenda/pdf", Fixture, NULL, fixture_set_up, test_agenda_pdf,
              fixture_tear_down);
  g_test_add ("/export/agenda/minutes-pdf", Fixture, NULL, fixture_set_up, test_minutes_pdf,
              fixture_tear_down);
  g_test_add ("/export/agenda/markdown", Fixture, NULL, fixture_set_up, test_markdown,
              fixture_tear_down);
  g_test_add ("/export/agenda/ical", Fixture, NULL, fixture_set_up, test_ical,
              fixture_tear_down);
  return g_test_run ();
}
