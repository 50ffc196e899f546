/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-facebook-document.c: the face-book exported as PDF and read back with poppler */
#define G_LOG_DOMAIN "raad-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <string.h>

#include <poppler.h>

#include "raad-council.h"
#include "raad-facebook-document.h"
#include "raad-member.h"
#include "raad-organisation.h"
#include "raad-photo.h"
#include "raad-test-util.h"

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define ORGANISATION "Zorggroep De Hoven"
#define CCR          "Centrale cliëntenraad"
#define LOCAL        "Lokale raad De Linde"
#define PIN_NAME     "Joke Smit-Visser"

typedef struct
{
  RaadStore *store;
  char      *dir;
  char      *ccr_id;
  char      *local_id;
} Fixture;

/* Fictional members: name, role, attention areas (comma separated), home: 0 = CCR, 1 = local */
static const struct
{
  const char *name;
  const char *role;
  const char *areas;
  int         council;
} members[] = {
  { "Anna de Vries", RAAD_ROLE_CHAIR, "Kwaliteit van zorg,Financiën", 0 },
  { "Pieter van den Berg", RAAD_ROLE_VICE_CHAIR, "Huisvesting", 0 },
  { "Sanne Bakker", RAAD_ROLE_SECRETARY, "Communicatie,Achterban", 0 },
  { "Henk Mulder", RAAD_ROLE_MEMBER, "Voeding,Welzijn en dagbesteding", 0 },
  { "Fatima Idrissi", RAAD_ROLE_MEMBER, "Personeel", 0 },
  { "Marloes Kok", RAAD_ROLE_SUPPORT, NULL, 0 },
  { "Gerrit ter Horst", RAAD_ROLE_CHAIR, "Veiligheid,Zorgplannen,Klachtenregeling", 1 },
  { "Wilma Jansen", RAAD_ROLE_SECRETARY, "Maaltijden", 1 },
  { PIN_NAME, RAAD_ROLE_MEMBER, "Informatie-uitwisseling tussen raden", 1 },
  { "Karel Peeters", RAAD_ROLE_MEMBER, "Recreatie", 1 },
  { "Ineke Hoekstra", RAAD_ROLE_MEMBER, "Schoonmaak,Tuin", 1 },
  { "Ahmed Yilmaz", RAAD_ROLE_ADVISOR, "Financiën", 1 },
};

static GBytes *
make_portrait (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 240, 240);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = NULL;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  char *buffer = NULL;
  gsize size = 0;
  GBytes *photo;

  /* A warm background with a lighter "face" disc: enough to see that a photo is drawn. */
  for (int y = 0; y < 240; y++)
    for (int x = 0; x < 240; x++)
      {
        guchar *p = pixels + y * stride + x * 3;
        int dx = x - 120, dy = y - 100;
        gboolean face = dx * dx + dy * dy < 55 * 55;
        gboolean body = y > 170 && dx * dx < (y - 130) * (y - 130);

        p[0] = face ? 236 : body ? 60 : 90 + y / 4;
        p[1] = face ? 196 : body ? 90 : 140 + x / 8;
        p[2] = face ? 170 : body ? 160 : 190;
      }
  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "92", NULL);
  g_assert_no_error (error);
  jpeg = g_bytes_new_take (buffer, size);
  photo = raad_photo_prepare_bytes (jpeg, &error);
  g_assert_no_error (error);
  return photo;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RaadOrganisation) organisation = NULL;
  g_autoptr(GError) error = NULL;

  fixture->store = raad_test_store_new ();
  fixture->dir = raad_test_make_tmpdir ();

  organisation = raad_organisation_new (fixture->store);
  raad_organisation_set_name (organisation, ORGANISATION);
  raad_record_save (RAAD_RECORD (organisation), &error);
  g_assert_no_error (error);

  /* Saved local first: the document must still put the CCR first. */
  fixture->local_id = raad_test_save_council (fixture->store, LOCAL, RAAD_COUNCIL_LOCAL, "Amersfoort");
  fixture->ccr_id = raad_test_save_council (fixture->store, CCR, RAAD_COUNCIL_CENTRAL, "Utrecht");

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(RaadMember) member = raad_member_new (fixture->store);
      g_auto(GStrv) areas = g_strsplit (members[i].areas ? members[i].areas : "", ",", -1);

      raad_member_set_name (member, members[i].name);
      raad_member_set_role (member, members[i].role);
      raad_member_set_council_id (member, members[i].council == 0 ? fixture->ccr_id
                                                                  : fixture->local_id);
      if (members[i].areas != NULL)
        raad_member_set_attention_areas (member, (const char * const *) areas);
      if (g_str_equal (members[i].name, PIN_NAME))
        {
          const char *pins[] = { fixture->ccr_id, NULL };

          raad_member_set_linking_pins (member, pins);
        }
      if (g_str_equal (members[i].name, "Wilma Jansen"))
        {
          g_autoptr(GBytes) photo = make_portrait ();

          raad_record_set_attachment (RAAD_RECORD (member), RAAD_MEMBER_PHOTO, "image/jpeg",
                                      photo);
        }
      if (g_str_equal (members[i].name, "Henk Mulder"))
        {
          raad_member_set_term_start (member, "2021-04-01");
          raad_member_set_term_end (member, "2025-04-05");
        }
      raad_record_save (RAAD_RECORD (member), &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  raad_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->ccr_id);
  g_free (fixture->local_id);
  /* Nothing the export made keeps the store (or a record of it) alive. */
  g_assert_finalize_object (fixture->store);
}

static RaadFacebookDocument *
new_document (Fixture    *fixture,
              const char *council_id)
{
  RaadFacebookDocument *document = raad_facebook_document_new (fixture->store, council_id);
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) date = g_date_time_new (zone, 2025, 3, 1, 10, 0, 0);

  raad_facebook_document_set_date (document, date);
  return document;
}

static PopplerDocument *
export_and_open (Fixture              *fixture,
                 RaadFacebookDocument *document,
                 const char           *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf;

  raad_facebook_document_export_pdf (document, path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

static char *
page_text (PopplerDocument *pdf,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, index);

  g_assert_nonnull (page);
  return poppler_page_get_text (page);
}

static char *
document_text (PopplerDocument *pdf)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *page = page_text (pdf, i);

      g_string_append (text, page);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in the PDF text:\n%s", part, text);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” should not be in the PDF text:\n%s", part, text);
}

static void
save_screenshot (PopplerDocument *pdf,
                 int              index,
                 const char      *name)
{
  const char *dir = g_getenv ("RAADSWERK_SCREENSHOT_DIR");
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, index);
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
  g_test_message ("page %d rendered to %s", index + 1, path);
}

static void
test_facebook (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RaadFacebookDocument) document = new_document (fixture, NULL);
  g_autoptr(PopplerDocument) pdf = export_and_open (fixture, document, "smoelenboek.pdf");
  g_autofree char *first = page_text (pdf, 0);
  g_autofree char *all = document_text (pdf);
  g_autofree char *title = poppler_document_get_title (pdf);
  g_autofree char *page_label = NULL;
  const char *ccr, *local;
  int n_pages = poppler_document_get_n_pages (pdf);

  g_assert_cmpint (n_pages, >=, 1);
  g_assert_cmpint (n_pages, ==, raad_facebook_document_get_n_pages (document));
  g_assert_nonnull (title);
  assert_contains (title, ORGANISATION);

  /* Page 1: the header and the CCR, which comes first although saved last. */
  assert_contains (first, ORGANISATION);
  /* The date without padding: "1 March 2025", not " 1 March 2025" with a figure space. */
  assert_contains (first, "\n1 March 2025");
  assert_contains (first, CCR);
  assert_contains (first, "Central client council");
  assert_contains (first, "Anna de Vries");
  page_label = g_strdup_printf ("Page 1 of %d", n_pages);
  assert_contains (first, page_label);

  /* Every council and member somewhere, in order: CCR before the local council. */
  ccr = strstr (all, CCR);
  local = strstr (all, LOCAL);
  g_assert_nonnull (ccr);
  g_assert_nonnull (local);
  g_assert_true (ccr < local);
  assert_contains (all, "Local council");
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    assert_contains (all, members[i].name);

  /* Roles rank before names: the chair opens each council. */
  g_assert_true (strstr (all, "Anna de Vries") < strstr (all, "Pieter van den Berg"));
  g_assert_true (strstr (all, "Pieter van den Berg") < strstr (all, "Fatima Idrissi"));
  g_assert_true (strstr (all, "Gerrit ter Horst") < strstr (all, "Wilma Jansen"));

  /* The linking pin sits under both councils, marked under the CCR. */
  g_assert_cmpuint (count_occurrences (all, PIN_NAME), ==, 2);
  g_assert_true (strstr (all, PIN_NAME) < local);
  assert_contains (all, "Linking pin");
  assert_contains (all, "Member of " LOCAL);
  assert_contains (all, "Also in " CCR);
  g_assert_true (strstr (all, "Member of " LOCAL) < local);
  g_assert_true (strstr (all, "Also in " CCR) > local);

  /* Henk's term ends within three months of the document's date. */
  assert_contains (all, "Term ends 5 April 2025");

  save_screenshot (pdf, 0, "facebook-pdf-page1.png");
  if (n_pages > 1)
    save_screenshot (pdf, 1, "facebook-pdf-page2.png");
}

static void
test_one_council (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RaadFacebookDocument) local_doc = new_document (fixture, fixture->local_id);
  g_autoptr(RaadFacebookDocument) ccr_doc = new_document (fixture, fixture->ccr_id);
  g_autoptr(PopplerDocument) local_pdf = export_and_open (fixture, local_doc, "lokaal.pdf");
  g_autoptr(PopplerDocument) ccr_pdf = export_and_open (fixture, ccr_doc, "ccr.pdf");
  g_autofree char *local_text = document_text (local_pdf);
  g_autofree char *ccr_text = document_text (ccr_pdf);

  g_assert_cmpstr (raad_facebook_document_get_council_id (local_doc), ==, fixture->local_id);

  assert_contains (local_text, ORGANISATION);
  assert_contains (local_text, LOCAL);
  assert_lacks (local_text, "Central client council");
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      if (members[i].council == 1)
        assert_contains (local_text, members[i].name);
      else
        assert_lacks (local_text, members[i].name);
    }

  /* The CCR's own face-book has its members and the linking pin, no other local member. */
  assert_contains (ccr_text, CCR);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      if (members[i].council == 0 || g_str_equal (members[i].name, PIN_NAME))
        assert_contains (ccr_text, members[i].name);
      else
        assert_lacks (ccr_text, members[i].name);
    }
  g_assert_cmpuint (count_occurrences (ccr_text, PIN_NAME), ==, 1);
  assert_contains (ccr_text, "Linking pin");
}

/* Many members: cards flow over pages, each page numbered, no name lost at a page break. */
static void
test_many_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RaadFacebookDocument) document = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *all = NULL;
  g_autoptr(GError) error = NULL;
  static const char *given[] = { "Bas", "Lotte", "Ruud", "Mirjam", "Sem", "Eva", "Daan" };
  static const char *family[] = { "Dekker", "van Dijk", "Brouwer", "de Groot", "Vos" };
  int n_pages;

  for (guint c = 0; c < 3; c++)
    {
      g_autofree char *name = g_strdup_printf ("Lokale raad Locatie %c", 'A' + c);
      g_autofree char *id = raad_test_save_council (fixture->store, name, RAAD_COUNCIL_LOCAL, NULL);

      for (guint i = 0; i < 11; i++)
        {
          g_autoptr(RaadMember) member = raad_member_new (fixture->store);
          char *member_name = g_strdup_printf ("%s %s %02u", given[(c * 11 + i) % 7],
                                               family[(c + i) % 5], c * 11 + i);

          raad_member_set_name (member, member_name);
          raad_member_set_council_id (member, id);
          raad_member_set_role (member, RAAD_ROLE_MEMBER);
          raad_record_save (RAAD_RECORD (member), &error);
          g_assert_no_error (error);
          g_ptr_array_add (names, member_name);
        }
    }

  document = new_document (fixture, NULL);
  pdf = export_and_open (fixture, document, "veel.pdf");
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >=, 4);
  all = document_text (pdf);
  for (guint i = 0; i < names->len; i++)
    {
      assert_contains (all, g_ptr_array_index (names, i));
    }
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *text = page_text (pdf, i);
      g_autofree char *label = g_strdup_printf ("Page %d of %d", i + 1, n_pages);

      assert_contains (text, label);
      assert_contains (text, ORGANISATION);
    }
  assert_contains (all, "(continued)");
}

/* The same routine on a print context: another page size, a scaled raster surface. */
static void
test_print_context (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RaadFacebookDocument) document = new_document (fixture, NULL);
  double scale = 150.0 / 72.0;
  cairo_surface_t *surface;
  cairo_t *cr;
  int pages;
  guint32 *pixels;
  guint non_white = 0;
  int width = (int) (612 * scale), height = (int) (792 * scale);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  raad_facebook_document_set_margin (document, 18);
  pages = raad_facebook_document_paginate (document, cr, 612, 792);
  g_assert_cmpint (pages, >=, 1);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  raad_facebook_document_draw_page (document, cr, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  for (int i = 0; i < width * height; i++)
    if ((pixels[i] & 0xffffff) != 0xffffff)
      non_white++;
  /* Something substantial was drawn, and not everything. */
  g_assert_cmpuint (non_white, >, (guint) (width * height / 50));
  g_assert_cmpuint (non_white, <, (guint) (width * height / 2));

  if (g_getenv ("RAADSWERK_SCREENSHOT_DIR") != NULL)
    {
      const char *dir = g_getenv ("RAADSWERK_SCREENSHOT_DIR");
      g_autofree char *path = g_build_filename (dir, "facebook-print-letter.png", NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    }
  cairo_surface_destroy (surface);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RaadFacebookDocument) document = new_document (fixture, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", "boek.pdf", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "a-folder", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint entries = 0;

  g_assert_false (raad_facebook_document_export_pdf (document, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "boek.pdf"));
  g_clear_error (&error);

  /* The target is a folder: the rename fails and the temporary file goes away. */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (raad_facebook_document_export_pdf (document, folder, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_cmpstr (name, ==, "a-folder");
      entries++;
    }
  g_assert_cmpuint (entries, ==, 1);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(RaadFacebookDocument) document = raad_facebook_document_new (store, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "leeg.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;

  raad_facebook_document_export_pdf (document, path, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  text = page_text (pdf, 0);
  assert_contains (text, "There are no councils yet.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export/pdf/facebook", test_facebook);
  ADD ("/export/pdf/one-council", test_one_council);
  ADD ("/export/pdf/many-pages", test_many_pages);
  ADD ("/export/pdf/print-context", test_print_context);
  ADD ("/export/pdf/errors", test_errors);
  ADD ("/export/pdf/empty", test_empty);
#undef ADD

  return g_test_run ();
}
