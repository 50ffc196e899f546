/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-speelveld-print.c: printing the playing field (GtkPrintOperation to a PDF) */
#define G_LOG_DOMAIN "raad-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include <string.h>

#include <poppler.h>

#include "raad-demo.h"
#include "raad-speelveld-export.h"
#include "raad-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static RaadStore *
new_example_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = raad_demo_find_path ();
  g_autoptr(GDate) today = g_date_new_dmy (1, 3, 2027);
  RaadStore *store = raad_test_store_new ();

  g_assert_true (raad_demo_load_at (store, path, today, &error));
  g_assert_no_error (error);
  return store;
}

static void
print_one (gboolean    grid,
           const char *expected)
{
  g_autoptr(RaadStore) store = new_example_store ();
  g_autofree char *dir = raad_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  GtkPrintOperationResult result;
  double width, height;

  /* The operation behind "print", exporting instead of showing the dialog. */
  result = raad_speelveld_print_run (NULL, store, "council-ccr", grid,
                                     GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  /* One page, landscape, with the field on it. */
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  page = poppler_document_get_page (pdf, 0);
  poppler_page_get_size (page, &width, &height);
  g_test_message ("printed page %.0f × %.0f pt", width, height);
  g_assert_cmpfloat (width, >, height);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Centrale Cliëntenraad"));
  g_assert_nonnull (strstr (text, "Raad van bestuur"));
  g_assert_nonnull (strstr (text, "Zorgkantoor"));
  g_assert_nonnull (strstr (text, expected));

  /* Kept beside the screenshots, for people to look at. */
  if (g_getenv ("RAADSWERK_SCREENSHOT_DIR") != NULL)
    {
      const char *shots = g_getenv ("RAADSWERK_SCREENSHOT_DIR");
      g_autofree char *kept = g_build_filename (shots, grid ? "speelveld-print-grid.pdf"
                                                           : "speelveld-print-map.pdf", NULL);
      g_autoptr(GFile) from = g_file_new_for_path (path);
      g_autoptr(GFile) to = g_file_new_for_path (kept);

      g_mkdir_with_parents (shots, 0755);
      g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }
  raad_test_remove_tree (dir);
}

static void
test_print_map (void)
{
  print_one (FALSE, "Overdue");
}

static void
test_print_grid (void)
{
  print_one (TRUE, "Manage closely");
}

static void
test_suggest_name (void)
{
  g_autoptr(RaadStore) store = new_example_store ();
  g_autofree char *map = raad_speelveld_export_suggest_name (store, "council-ccr", "png", FALSE,
                                                             "2027-03-01");
  g_autofree char *grid = raad_speelveld_export_suggest_name (store, "council-linde", "pdf",
                                                              TRUE, "2027-03-01");
  g_autofree char *unknown = raad_speelveld_export_suggest_name (store, "council-gone", "svg",
                                                                 FALSE, "2027-03-01");

  g_assert_cmpstr (map, ==, "Playing field Centrale Cliëntenraad 2027-03-01.png");
  g_assert_cmpstr (grid, ==, "Power-interest grid Lokale cliëntenraad De Linde 2027-03-01.pdf");
  g_assert_null (strchr (unknown, '/'));
  g_assert_true (g_str_has_suffix (unknown, "2027-03-01.svg"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/speelveld-print/map", test_print_map);
  g_test_add_func ("/ui/speelveld-print/grid", test_print_grid);
  g_test_add_func ("/ui/speelveld-print/suggest-name", test_suggest_name);

  return g_test_run ();
}
