/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-narrow.c: every page fits a window 360 pixels wide, in English and in Dutch */
#define G_LOG_DOMAIN "test-narrow"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "raad-application.h"
#include "raad-demo.h"
#include "raad-test-util.h"
#include "raad-ui-test.h"
#include "raad-window.h"

#define NARROW 360

static const char * const pages[] = { "facebook", "meetings", "playing-field", "constituency", NULL };

/* One application for the whole program: windows need a registered one. */
static RaadApplication *app;

/* The widest part of @widget's minimum, for the message when it is too wide. */
static void
describe_widest (GtkWidget *widget,
                 GString   *out,
                 int        depth)
{
  GtkWidget *widest = NULL;
  int widest_min = -1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min = 0;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > widest_min)
        {
          widest = child;
          widest_min = min;
        }
    }
  if (widest == NULL || depth > 24)
    return;
  g_string_append_printf (out, " > %s%s%s (%d)", G_OBJECT_TYPE_NAME (widest),
                          GTK_IS_LABEL (widest) ? " " : "",
                          GTK_IS_LABEL (widest) ? gtk_label_get_text (GTK_LABEL (widest)) : "",
                          widest_min);
  describe_widest (widest, out, depth + 1);
}

static void
check_pages (const char *language)
{
  RaadStore *store = raad_test_store_new ();
  g_autofree char *demo = g_build_filename (raad_test_datadir (), "demo", "organisation.json", NULL);
  g_autoptr(GError) error = NULL;
  RaadWindow *window;

  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_MESSAGES, "");
  g_assert_true (raad_demo_load (store, demo, &error));
  g_assert_no_error (error);

  window = raad_window_new (app, store);
  raad_window_set_fixed_size (window, NARROW, 720);
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autoptr(GString) path = g_string_new (NULL);
      int min = 0;

      g_assert_true (raad_window_show_page (window, pages[i]));
      /* Let the page read the store and lay out what it shows. */
      for (guint n = 0; n < 100; n++)
        g_main_context_iteration (NULL, FALSE);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL,
                          NULL, NULL);
      describe_widest (GTK_WIDGET (window), path, 0);
      g_test_message ("%s, %s: the window needs %d px%s", language, pages[i], min, path->str);
      if (min > NARROW)
        g_error ("%s, page %s: the window needs %d px, more than %d:%s", language, pages[i],
                 min, NARROW, path->str);
    }
  raad_ui_test_close_toplevels ();
  g_assert_finalize_object (store);
}

static void
test_english (void)
{
  check_pages ("en");
}

static void
test_dutch (void)
{
  /* Dutch must be there, or this test would pass on English twice. */
  g_setenv ("LANGUAGE", "nl", TRUE);
  setlocale (LC_MESSAGES, "");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Playing Field"), ==, "Speelveld");
  check_pages ("nl");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("RAADSWERK_LOCALEDIR");
  int status;

  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* GtkBuilder translates the templates in the default domain, as in the app. */
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* GNOME's window buttons: a close button only. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  app = raad_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/ui/narrow/english", test_english);
  g_test_add_func ("/ui/narrow/dutch", test_dutch);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
