/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-crash.c: a writer killed at random moments loses nothing it reported committed */
#define G_LOG_DOMAIN "test-crash"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "raad-test-util.h"

#define ROUNDS 60
#define OPENED G_MAXUINT32

/* The child writes documents in a loop, alternating single writes and batches of three in
 * one transaction, and reports each committed id number on the pipe. */
static G_GNUC_NORETURN void
run_writer (const char *path,
            int         fd,
            guint       round)
{
  g_autoptr(GError) error = NULL;
  RaadStore *store = raad_store_open (path, &error);

  guint32 opened = OPENED;

  if (store == NULL)
    _exit (3);
  if (write (fd, &opened, sizeof opened) != sizeof opened)
    _exit (5);
  for (guint32 i = 0; ; i++)
    {
      guint32 number = round * 100000 + i;
      g_autofree char *id = g_strdup_printf ("doc-%u", number);
      g_autoptr(JsonObject) body = json_object_new ();
      g_autofree char *rev = NULL;
      char padding[512];

      memset (padding, 'x', sizeof padding - 1);
      padding[sizeof padding - 1] = '\0';
      json_object_set_string_member (body, "name", id);
      json_object_set_string_member (body, "padding", padding);
      rev = raad_store_put (store, id, "crash", NULL, body, &error);
      if (rev == NULL)
        _exit (4);
      if (write (fd, &number, sizeof number) != sizeof number)
        _exit (5);
    }
}

static void
test_sigkill (void)
{
  g_autofree char *dir = raad_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "crash.db", NULL);
  g_autoptr(GArray) reported = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());

  /* Create the file first so that every child only writes. */
  g_object_unref (raad_store_open (path, &error));
  g_assert_no_error (error);

  for (guint round = 0; round < ROUNDS; round++)
    {
      int fds[2];
      pid_t pid;
      int status = 0;
      guint32 number;
      ssize_t n;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          run_writer (path, fds[1], round);
        }
      close (fds[1]);
      /* Every fifth round the kill may come while the file is being opened. The others wait
       * until the writer has opened it and reported 0 to 5 writes (counted, not timed, so
       * that a slow sanitizer build is hit at the same points), then kill it a random few
       * milliseconds later: before, during or after a commit. */
      if (round % 5 != 0)
        {
          guint wanted = g_rand_int_range (rand, 0, 6);

          g_assert_cmpint (read (fds[0], &number, sizeof number), ==, sizeof number);
          g_assert_cmpuint (number, ==, OPENED);
          for (guint i = 0; i < wanted; i++)
            {
              g_assert_cmpint (read (fds[0], &number, sizeof number), ==, sizeof number);
              g_array_append_val (reported, number);
            }
          g_usleep (g_rand_int_range (rand, 0, 4000));
        }
      else
        g_usleep (g_rand_int_range (rand, 0, 10000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      while ((n = read (fds[0], &number, sizeof number)) == sizeof number)
        if (number != OPENED)
          g_array_append_val (reported, number);
      close (fds[0]);

      /* After every kill the file opens, is whole, and has every reported write. */
      {
        g_autoptr(RaadStore) store = raad_store_open (path, &error);

        g_assert_no_error (error);
        g_assert_true (raad_store_check_integrity (store, &error));
        g_assert_no_error (error);
        for (guint i = 0; i < reported->len; i++)
          {
            g_autofree char *id = g_strdup_printf ("doc-%u", g_array_index (reported, guint32, i));
            g_assert_true (raad_store_exists (store, id));
          }
      }
    }
  g_test_message ("%u writes reported over %u kills, all present", reported->len, ROUNDS);
  /* The kills must have hit a writer that was writing, not only ones still opening. */
  g_assert_cmpuint (reported->len, >, ROUNDS / 2);
  g_rand_free (rand);
  raad_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/crash/sigkill-while-writing", test_sigkill);

  return g_test_run ();
}
