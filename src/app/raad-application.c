/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-application.c: the Raadswerk application: options, actions, the one store */
#define G_LOG_DOMAIN "raad-app"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "raad-application.h"
#include "raad-benchmark.h"
#include "raad-demo.h"
#include "raad-organisation.h"
#include "raad-preferences-window.h"
#include "raad-screenshot.h"
#include "raad-sync-preferences-page.h"
#include "raad-window.h"

struct _RaadApplication
{
  AdwApplication  parent_instance;

  RaadStore      *store;
  GError         *store_error;
  char           *database_path;
  char           *screenshot_path;
  char           *benchmark_mode;
  char           *page;
  int             window_width;
  int             window_height;
  gboolean        load_example;
};

G_DEFINE_FINAL_TYPE (RaadApplication, raad_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH instead of the default one"), N_("PATH") },
  { "screenshot", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, NULL,
    "Save a PNG of the window once it is painted, then quit", "FILE" },
  { "load-example", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL,
    "Load the example organisation into an empty database", NULL },
  { "window-size", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL,
    "Open the window at WIDTHxHEIGHT pixels", "WxH" },
  { "page", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL,
    "Open on page NAME (facebook, meetings, playing-field, constituency)", "NAME" },
  { "benchmark", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL,
    "Measure MODE (first-frame, scroll, search), print the figures, then quit", "MODE" },
  { NULL }
};

static gboolean
parse_window_size (const char *text,
                   int        *width,
                   int        *height)
{
  g_auto(GStrv) parts = NULL;
  guint64 w, h;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, "x", 2);
  if (g_strv_length (parts) != 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 100, 10000, &w, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 100, 10000, &h, NULL))
    return FALSE;
  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

static void
open_store (RaadApplication *self)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  if (self->store != NULL || self->store_error != NULL)
    return;

  path = self->database_path != NULL ? g_strdup (self->database_path)
                                     : raad_store_default_path ();
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_debug ("Could not create %s: %s", dir, g_strerror (errno));

  self->store = raad_store_open (path, &self->store_error);
  if (self->store == NULL)
    {
      g_warning ("Could not open the database %s: %s", path, self->store_error->message);
      return;
    }

  if (self->load_example)
    {
      g_autoptr(RaadOrganisation) organisation = raad_organisation_load_default (self->store);

      if (organisation == NULL && raad_store_count (self->store, "council") == 0)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *demo = raad_demo_find_path ();

          if (demo == NULL || !raad_demo_load (self->store, demo, &error))
            g_warning ("Could not load the example organisation: %s",
                       error != NULL ? error->message : "data/demo/organisation.json not found");
        }
    }
}

static void
screenshot_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RaadApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!raad_screenshot_save_finish (result, &error))
    g_printerr ("%s\n", error->message);
  g_application_quit (G_APPLICATION (self));
}

/* Actions */

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RaadApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  RaadPreferencesWindow *preferences;
  RaadStore *store = RAAD_IS_WINDOW (window) ? raad_window_get_store (RAAD_WINDOW (window))
                                              : self->store;

  if (store == NULL)
    return;
  preferences = raad_preferences_window_new (store);
  if (RAAD_IS_WINDOW (window) && raad_window_get_sync (RAAD_WINDOW (window)) != NULL)
    raad_sync_preferences_page_add_to (ADW_PREFERENCES_WINDOW (preferences),
                                       raad_window_get_sync (RAAD_WINDOW (window)));
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  adw_show_about_window (window,
                         "application-name", _("Raadswerk"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", "Raadswerk",
                         "comments", _("Prepare the meetings of client councils and know all "
                                       "your fellow councils"),
                         "website", "https://github.com/raadswerk/raadswerk",
                         "issue-url", "https://github.com/raadswerk/raadswerk/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 Raadswerk",
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (user_data));

  /* Closing the windows saves their size; the application quits when the last one goes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_action },
  { "shortcuts", shortcuts_action },
  { "about", about_action },
  { "quit", quit_action },
};

/* GApplication */

static int
raad_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  RaadApplication *self = RAAD_APPLICATION (app);
  const char *size = NULL;

  g_variant_dict_lookup (options, "database", "^ay", &self->database_path);
  g_variant_dict_lookup (options, "screenshot", "^ay", &self->screenshot_path);
  g_variant_dict_lookup (options, "benchmark", "s", &self->benchmark_mode);
  g_variant_dict_lookup (options, "page", "s", &self->page);
  self->load_example = g_variant_dict_contains (options, "load-example");
  if (g_variant_dict_lookup (options, "window-size", "&s", &size)
      && !parse_window_size (size, &self->window_width, &self->window_height))
    {
      g_printerr (_("The window size must look like 1280x800\n"));
      return 1;
    }

  /* Another database, or a screenshot run, must not end up in a running instance's window. */
  if (self->database_path != NULL || self->screenshot_path != NULL || self->load_example
      || self->benchmark_mode != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return G_APPLICATION_CLASS (raad_application_parent_class)->handle_local_options (app, options);
}

static void
raad_application_startup (GApplication *app)
{
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (raad_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.shortcuts",
                                         shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
raad_application_activate (GApplication *app)
{
  RaadApplication *self = RAAD_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  /* Screenshots show GNOME's window buttons, whatever the X server without a settings
   * daemon would pick (which is also why a 360 pixel window fits). */
  if (self->screenshot_path != NULL)
    g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  open_store (self);
  window = GTK_WINDOW (raad_window_new (self, self->store));
  if (self->store == NULL)
    raad_window_show_store_error (RAAD_WINDOW (window), self->store_error);
  if (self->window_width > 0)
    raad_window_set_fixed_size (RAAD_WINDOW (window), self->window_width, self->window_height);
  if (self->page != NULL && !raad_window_show_page (RAAD_WINDOW (window), self->page))
    g_printerr ("There is no page “%s”\n", self->page);
  /* The benchmark closes the window when done, and the application quits with it. */
  if (self->benchmark_mode != NULL)
    raad_benchmark_start (window, self->benchmark_mode);

  gtk_window_present (window);

  if (self->screenshot_path != NULL)
    {
      raad_screenshot_save_async (GTK_WIDGET (window), self->screenshot_path, NULL,
                                  screenshot_done_cb, g_object_ref (self));
    }
}

static void
raad_application_finalize (GObject *object)
{
  RaadApplication *self = RAAD_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_free (self->database_path);
  g_free (self->screenshot_path);
  g_free (self->benchmark_mode);
  g_free (self->page);

  G_OBJECT_CLASS (raad_application_parent_class)->finalize (object);
}

static void
raad_application_class_init (RaadApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = raad_application_finalize;
  app_class->handle_local_options = raad_application_handle_local_options;
  app_class->startup = raad_application_startup;
  app_class->activate = raad_application_activate;
}

static void
raad_application_init (RaadApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Prepare the meetings of client councils"));
}

RaadApplication *
raad_application_new (void)
{
  return g_object_new (RAAD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

RaadStore *
raad_application_get_store (RaadApplication *self)
{
  g_return_val_if_fail (RAAD_IS_APPLICATION (self), NULL);

  return self->store;
}
