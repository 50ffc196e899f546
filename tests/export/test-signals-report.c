/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-signals-report.c: the signals of a period as a PDF (read with poppler), without personal data */
#define G_LOG_DOMAIN "raad-test"

#include "config.h"

#include <string.h>

#include <poppler.h>

#include "raad-organisation.h"
#include "raad-signal.h"
#include "raad-signals-report.h"
#include "raad-test-util.h"

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define ORGANISATION "Zorggroep De Waterlinie"
#define LINDE        "Lokale raad De Linde"
#define BAKEN        "Lokale raad Het Baken"

/* A record class that, unlike RaadSignal, also calls "outcome" personal: a field newly marked
 * personal must drop out of the report without the report being changed. */
#define TEST_TYPE_STRICT_SIGNAL (test_strict_signal_get_type ())
G_DECLARE_FINAL_TYPE (TestStrictSignal, test_strict_signal, TEST, STRICT_SIGNAL, RaadRecord)

struct _TestStrictSignal
{
  RaadRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TestStrictSignal, test_strict_signal, RAAD_TYPE_RECORD)

static void
test_strict_signal_class_init (TestStrictSignalClass *klass)
{
  static const char * const personal[] = { "text", "raised_by", "outcome", NULL };
  RaadRecordClass *record_class = RAAD_RECORD_CLASS (klass);

  record_class->type_name = "test_strict_signal";
  record_class->personal_fields = personal;
}

static void
test_strict_signal_init (TestStrictSignal *self)
{
}

typedef struct
{
  RaadStore *store;
  char      *dir;
  char      *linde_id;
} Fixture;

static void
save_signal (RaadStore  *store,
             const char *council_id,
             guint       n,
             const char *received,
             const char *theme,
             const char *source,
             const char *status,
             const char *feedback_due,
             const char *feedback_given)
{
  g_autoptr(RaadSignal) signal = raad_signal_new (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("PRIVE-TEKST-%u mevrouw Fictief op kamer 12", n);
  g_autofree char *raised_by = g_strdup_printf ("PRIVE-PERSOON-%u", n);
  g_autofree char *outcome = g_strdup_printf ("UITKOMST-%u", n);

  g_object_set (signal, "council-id", council_id, "received", received, "theme", theme,
                "location", "Rozengaard", "source", source, "status", status, "text", text,
                "raised-by-kind", "person", "raised-by", raised_by,
                "feedback-owed", feedback_due != NULL, "feedback-due", feedback_due,
                "feedback-given", feedback_given, "feedback-how", "In de huiskamer verteld",
                "outcome", outcome, NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (signal), &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RaadOrganisation) organisation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *baken_id = NULL;

  fixture->store = raad_test_store_new ();
  fixture->dir = raad_test_make_tmpdir ();
  organisation = raad_organisation_new (fixture->store);
  raad_organisation_set_name (organisation, ORGANISATION);
  g_assert_true (raad_record_save (RAAD_RECORD (organisation), &error));
  g_assert_no_error (error);
  fixture->linde_id = raad_test_save_council (fixture->store, LINDE, "local", "Amersfoort");
  baken_id = raad_test_save_council (fixture->store, BAKEN, "local", "Zeist");

  /* 2025: three about food, one about staff; feedback on time (1), late (2), overdue (3),
   * not owed (4). */
  save_signal (fixture->store, fixture->linde_id, 1, "2025-01-01", "Eten en drinken", "survey",
               "feedback-given", "2025-03-01", "2025-02-20");
  save_signal (fixture->store, fixture->linde_id, 2, "2025-05-10", "Eten en drinken",
               "living-room", "feedback-given", "2025-06-01", "2025-07-15");
  save_signal (fixture->store, fixture->linde_id, 3, "2025-09-03", "Eten en drinken",
               "living-room", "handled", "2025-10-01", NULL);
  save_signal (fixture->store, fixture->linde_id, 4, "2025-12-31", "Personeel", "exit-visit",
               "new", NULL, NULL);
  /* Outside the period, and another council's. */
  save_signal (fixture->store, fixture->linde_id, 5, "2024-12-31", "Buitenperiode", "email",
               "new", NULL, NULL);
  save_signal (fixture->store, fixture->linde_id, 6, "2026-01-01", "Buitenperiode", "email",
               "new", NULL, NULL);
  save_signal (fixture->store, baken_id, 7, "2025-06-01", "Bakenthema", "email", "new", NULL,
               NULL);

  /* Deleted on another laptop, its fields still in the body: not in the report. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autofree char *json = g_strdup_printf ("{\"_id\": \"signal-deleted-elsewhere\", "
                                             "\"_rev\": \"1-0123456789abcdef0123456789abcdef\", "
                                             "\"_deleted\": true, \"type\": \"signal\", "
                                             "\"council_id\": \"%s\", \"received\": \"2025-04-04\", "
                                             "\"theme\": \"Verwijderd thema\", \"outcome\": \"UITKOMST-8\", "
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
  raad_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->linde_id);
  g_assert_finalize_object (fixture->store);
}

/* All text of the PDF, runs of white space made one space. */
static char *
read_pdf_text (const char *path,
               int        *n_pages,
               char      **title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  g_autoptr(PopplerDocument) pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  *n_pages = poppler_document_get_n_pages (pdf);
  if (title != NULL)
    *title = poppler_document_get_title (pdf);
  for (int i = 0; i < *n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, ' ');
    }
  return g_regex_replace_literal (space, text->str, -1, 0, " ", 0, NULL);
}

/* The text on the line of @path that holds @label, left to right: a table row as a reader
 * sees it (poppler's own text order reads a table column by column). */
typedef struct
{
  double   x1, x2;
  gunichar c;
} Glyph;

static int
compare_glyphs (gconstpointer a,
                gconstpointer b)
{
  const Glyph *x = a, *y = b;

  return x->x1 < y->x1 ? -1 : x->x1 > y->x1;
}

static char *
row_text (const char *path,
          const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  g_autoptr(PopplerDocument) pdf = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree PopplerRectangle *rects = NULL;
      g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
      g_autoptr(GString) row = g_string_new (NULL);
      const char *found = strstr (text, label);
      const char *p;
      guint n_rects = 0, k = 0;
      double middle;

      if (found == NULL)
        continue;
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      k = g_utf8_pointer_to_offset (text, found);
      g_assert_cmpuint (k, <, n_rects);
      middle = (rects[k].y1 + rects[k].y2) / 2;

      /* Every glyph whose box holds the label's middle height, sorted left to right; a gap
       * wider than a few points is a space. */
      for (p = text, k = 0; *p != '\0' && k < n_rects; p = g_utf8_next_char (p), k++)
        {
          gunichar c = g_utf8_get_char (p);
          Glyph glyph = { rects[k].x1, rects[k].x2, c };

          if (g_unichar_isspace (c) || rects[k].y1 > middle || rects[k].y2 < middle)
            continue;
          g_array_append_val (glyphs, glyph);
        }
      g_array_sort (glyphs, compare_glyphs);
      for (guint j = 0; j < glyphs->len; j++)
        {
          Glyph *glyph = &g_array_index (glyphs, Glyph, j);

          if (j > 0 && glyph->x1 - g_array_index (glyphs, Glyph, j - 1).x2 > 1.5)
            g_string_append_c (row, ' ');
          g_string_append_unichar (row, glyph->c);
        }
      return g_string_free (g_steal_pointer (&row), FALSE);
    }
  g_error ("“%s” is not in %s", label, path);
  return NULL;
}

static void
assert_row (const char *path,
            const char *label,
            const char *row)
{
  g_autofree char *text = row_text (path, label);

  g_assert_cmpstr (text, ==, row);
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

static char *
write_report (Fixture    *fixture,
              GType       record_type,
              const char *name)
{
  g_autoptr(RaadSignalsReport) report = raad_signals_report_new (fixture->store,
                                                                 fixture->linde_id,
                                                                 "2025-01-01", "2025-12-31");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  raad_signals_report_set_record_type (report, record_type);
  raad_signals_report_set_today (report, "2026-01-15");
  g_assert_true (raad_signals_report_export_pdf (report, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (raad_signals_report_get_n_signals (report), ==, 4);
  return path;
}

static void
test_counts_and_period (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = write_report (fixture, RAAD_TYPE_SIGNAL, "signalen-2025.pdf");
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  int n_pages = 0;

  text = read_pdf_text (path, &n_pages, &title);
  g_assert_cmpint (n_pages, >=, 1);
  assert_contains (title, LINDE);
  assert_contains (text, LINDE);
  assert_contains (text, ORGANISATION);
  assert_contains (text, "1 January 2025 – 31 December 2025");
  assert_contains (text, "4 signals received in this period.");

  /* Per theme, per source, per status: label then count on one line, most first. */
  assert_contains (text, "Per theme Eten en drinken Personeel");
  assert_row (path, "Eten en drinken", "Eten en drinken 3");
  assert_row (path, "Personeel", "Personeel 1");
  assert_contains (text, "Per source Living-room talk Exit visit Survey");
  assert_row (path, "Living-room talk", "Living-room talk 2");
  assert_row (path, "Exit visit", "Exit visit 1");
  assert_row (path, "Survey", "Survey 1");
  assert_contains (text, "Per status Feedback given Handled New");
  assert_row (path, "Feedback given", "Feedback given 2");
  assert_row (path, "Handled", "Handled 1");
  assert_row (path, "Given on time", "Given on time 1");
  assert_row (path, "Given late", "Given late 1");
  assert_row (path, "Not yet given, overdue", "Not yet given, overdue 1");
  assert_row (path, "Not yet given, not yet due", "Not yet given, not yet due 0");
  assert_row (path, "No feedback owed", "No feedback owed 1");

  /* The list: date, theme, location, source, status, outcome and feedback. */
  assert_contains (text, "1 January 2025 · Eten en drinken · Rozengaard");
  assert_contains (text, "31 December 2025 · Personeel · Rozengaard");
  assert_contains (text, "Source: Survey");
  assert_contains (text, "Status: Feedback given");
  assert_contains (text, "Feedback given on: 15 July 2025");
  assert_contains (text, "UITKOMST-1");
  assert_contains (text, "UITKOMST-4");
  assert_contains (text, "Feedback: In de huiskamer verteld");

  /* The period holds at both ends, and only De Linde's signals are there. */
  assert_lacks (text, "Buitenperiode");
  assert_lacks (text, "UITKOMST-5");
  assert_lacks (text, "UITKOMST-6");
  assert_lacks (text, "Bakenthema");
  assert_lacks (text, "UITKOMST-7");
  assert_lacks (text, "Verwijderd thema");
  assert_lacks (text, "UITKOMST-8");
}

static void
test_no_personal_data (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = write_report (fixture, RAAD_TYPE_SIGNAL, "signalen.pdf");
  g_autofree char *text = NULL;
  g_autofree char *bytes = NULL;
  gsize length = 0;
  int n_pages = 0;

  text = read_pdf_text (path, &n_pages, NULL);
  /* Every signal's text and who raised it hold a marker; none is in the report. */
  assert_lacks (text, "PRIVE");
  assert_lacks (text, "Fictief");
  assert_lacks (text, "kamer 12");
  /* Nor in the file at all (metadata, hidden text): PDF text is compressed, but the title and
   * other metadata are not. */
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_null (g_strstr_len (bytes, length, "PRIVE"));
  /* The report says what it left out. */
  assert_contains (text, "Left out: Signal, Raised by.");
}

static void
test_printable_fields (void)
{
  g_auto(GStrv) fields = raad_signals_report_printable_fields (RAAD_TYPE_SIGNAL);
  g_auto(GStrv) strict = raad_signals_report_printable_fields (TEST_TYPE_STRICT_SIGNAL);
  const char * const *candidates = raad_signals_report_candidate_fields ();

  /* The signal's own personal fields are candidates, and the class keeps them out. */
  g_assert_true (g_strv_contains (candidates, "text"));
  g_assert_true (g_strv_contains (candidates, "raised_by"));
  g_assert_false (g_strv_contains ((const char * const *) fields, "text"));
  g_assert_false (g_strv_contains ((const char * const *) fields, "raised_by"));
  for (guint i = 0; fields[i] != NULL; i++)
    g_assert_false (raad_record_type_field_is_personal (RAAD_TYPE_SIGNAL, fields[i]));
  g_assert_true (g_strv_contains ((const char * const *) fields, "received"));
  g_assert_true (g_strv_contains ((const char * const *) fields, "outcome"));
  g_assert_true (g_strv_contains ((const char * const *) fields, "feedback_given"));

  g_assert_false (g_strv_contains ((const char * const *) strict, "outcome"));
  g_assert_cmpuint (g_strv_length (strict), ==, g_strv_length (fields) - 1);
}

static void
test_newly_personal_drops_out (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = write_report (fixture, TEST_TYPE_STRICT_SIGNAL, "strikt.pdf");
  g_autofree char *text = NULL;
  int n_pages = 0;

  text = read_pdf_text (path, &n_pages, NULL);
  assert_lacks (text, "UITKOMST");
  assert_lacks (text, "Outcome:");
  assert_lacks (text, "PRIVE");
  assert_contains (text, "Left out: Signal, Raised by, Outcome.");
  /* The rest is still there. */
  assert_row (path, "Eten en drinken", "Eten en drinken 3");
  assert_contains (text, "1 January 2025 · Eten en drinken · Rozengaard");
}

static void
test_empty_period (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RaadSignalsReport) report = raad_signals_report_new (fixture->store,
                                                                 fixture->linde_id,
                                                                 "2023-01-01", "2023-03-31");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "leeg.pdf", NULL);
  g_autofree char *text = NULL;
  int n_pages = 0;

  g_assert_true (raad_signals_report_export_pdf (report, path, &error));
  g_assert_no_error (error);
  text = read_pdf_text (path, &n_pages, NULL);
  g_assert_cmpint (n_pages, ==, 1);
  assert_contains (text, "0 signals received in this period.");
  assert_lacks (text, "Per theme");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/export/signals-report/counts-and-period", Fixture, NULL, fixture_set_up,
              test_counts_and_period, fixture_tear_down);
  g_test_add ("/export/signals-report/no-personal-data", Fixture, NULL, fixture_set_up,
              test_no_personal_data, fixture_tear_down);
  g_test_add_func ("/export/signals-report/printable-fields", test_printable_fields);
  g_test_add ("/export/signals-report/newly-personal-drops-out", Fixture, NULL, fixture_set_up,
              test_newly_personal_drops_out, fixture_tear_down);
  g_test_add ("/export/signals-report/empty-period", Fixture, NULL, fixture_set_up,
              test_empty_period, fixture_tear_down);

  return g_test_run ();
}
