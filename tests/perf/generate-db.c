/* SPDX-License-Identifier: GPL-3.0-or-later */
/* generate-db.c: writes a large fictional organisation into a database file */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "raad-perf-generate.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadStore) store = NULL;
  gint64 start;

  if (argc < 4)
    {
      fprintf (stderr, "usage: %s DB COUNCILS MEMBERS [--no-photos]\n", argv[0]);
      return 2;
    }
  store = raad_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  start = g_get_monotonic_time ();
  if (!raad_perf_generate (store, atoi (argv[2]), atoi (argv[3]),
                           argc < 5 || g_strcmp0 (argv[4], "--no-photos") != 0, 20261123, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("generated %s councils, %s members in %.1f s\n", argv[2], argv[3],
          (g_get_monotonic_time () - start) / 1e6);
  return 0;
}
