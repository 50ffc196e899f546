/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the entry point of the Raadswerk application */
#define G_LOG_DOMAIN "raadswerk"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "raad-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RaadApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* An uninstalled run (build-aux/raadswerk-dev run) finds its translations in the build. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RAADSWERK_LOCALEDIR") != NULL
                                   ? g_getenv ("RAADSWERK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = raad_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
