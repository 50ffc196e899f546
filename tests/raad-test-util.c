/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-test-util.c: fixtures shared by the test programs */
#define G_LOG_DOMAIN "raad-test"

#include "config.h"

#include <glib/gstdio.h>

#include "raad-council.h"
#include "raad-test-util.h"

char *
raad_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("raadswerk-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
raad_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      raad_test_remove_tree (child);
    }
  g_rmdir (path);
}

static void
remove_dir_on_finalize (gpointer data)
{
  raad_test_remove_tree (data);
  g_free (data);
}

RaadStore *
raad_test_store_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = raad_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "raadswerk.db", NULL);
  RaadStore *store = raad_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_object_set_data_full (G_OBJECT (store), "raad-test-dir", dir, remove_dir_on_finalize);
  return store;
}

gboolean
raad_test_wait_for (const gboolean *flag,
                    guint           timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!*flag && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return *flag;
}

gboolean
raad_test_wait_until (gboolean (*cond) (gpointer data),
                      gpointer   data,
                      guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  gboolean ok;

  while (!(ok = cond (data)) && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return ok;
}

const char *
raad_test_datadir (void)
{
  const char *dir = g_getenv ("RAADSWERK_DATADIR");

  return dir != NULL ? dir : SOURCE_DATADIR;
}

guint
raad_test_timeout_ms (guint ms)
{
  const char *scale = g_getenv ("RAADSWERK_TEST_TIMEOUT_SCALE");
  double factor = scale != NULL ? g_ascii_strtod (scale, NULL) : 1.0;

  return (guint) (ms * (factor >= 1.0 ? factor : 1.0));
}

char *
raad_test_save_council (RaadStore  *store,
                        const char *name,
                        const char *kind,
                        const char *location)
{
  g_autoptr(RaadCouncil) council = raad_council_new (store);
  g_autoptr(GError) error = NULL;

  raad_council_set_name (council, name);
  raad_council_set_kind (council, kind);
  raad_council_set_location (council, location);
  raad_record_save (RAAD_RECORD (council), &error);
  g_assert_no_error (error);
  return g_strdup (raad_record_get_id (RAAD_RECORD (council)));
}
