/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raadswerk-admin.c: the command IT uses to set a CouchDB server up for an organisation */
#define G_LOG_DOMAIN "raadswerk-admin"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <fcntl.h>

#include "raad-replicator.h"
#include "raad-server-setup.h"

/* Exit statuses, documented in --help and the README. */
enum
{
  EXIT_OK       = 0,
  EXIT_FAILED   = 1, /* the command could not do its work; the message says why */
  EXIT_USAGE    = 2, /* wrong command line */
  EXIT_PROBLEMS = 3, /* check: the set-up has problems */
};

typedef struct
{
  char     *server;
  char     *admin;
  char     *password_file;
  char     *fingerprint;
  char     *organisation;
  char     *from_database;
  GStrv     councils;
  GStrv     admin_councils;
  gboolean  org_admin;
  char     *user_password_file;
  gboolean  generate_password;
} Options;

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int       (*run) (Options *options, int argc, char **argv);
} Command;

static void
options_clear (Options *options)
{
  g_free (options->server);
  g_free (options->admin);
  g_free (options->password_file);
  g_free (options->fingerprint);
  g_free (options->organisation);
  g_free (options->from_database);
  g_strfreev (options->councils);
  g_strfreev (options->admin_councils);
  g_free (options->user_password_file);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* Output */

static void
print_step (RaadServerSetupStep  step,
            const char          *message,
            gpointer             user_data)
{
  switch (step)
    {
    case RAAD_SERVER_SETUP_PROBLEM:
      /* Translators: a line of "raadswerk-admin check" */
      g_print (_("problem: %s\n"), message);
      break;
    case RAAD_SERVER_SETUP_OK:
      g_print (_("ok: %s\n"), message);
      break;
    case RAAD_SERVER_SETUP_CREATED:
    case RAAD_SERVER_SETUP_UPDATED:
    case RAAD_SERVER_SETUP_UNCHANGED:
    case RAAD_SERVER_SETUP_REMOVED:
    default:
      g_print ("%s\n", message);
      break;
    }
}

/* The error, and for the kinds that need it a sentence on what to do. */
static int
fail (const GError *error)
{
  g_printerr ("raadswerk-admin: %s\n", error->message);
  if (error->domain == RAAD_SYNC_ERROR)
    switch (error->code)
      {
      case RAAD_SYNC_ERROR_UNREACHABLE:
        g_printerr (_("What was done so far stays done; run the same command again when the "
                      "server answers (it is safe to repeat).\n"));
        break;
      case RAAD_SYNC_ERROR_UNAUTHORIZED:
        g_printerr (_("Check the admin name (--admin) and its password "
                      "($RAADSWERK_ADMIN_PASSWORD, --password-file, or typed when asked).\n"));
        break;
      case RAAD_SYNC_ERROR_SERVER:
        g_printerr (_("The server failed; its log (for CouchDB: journalctl -u couchdb) may say "
                      "why.\n"));
        break;
      default:
        break;
      }
  return EXIT_FAILED;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_printerr ("raadswerk-admin: %s\n", message);
  if (context != NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("\n%s", help);
    }
  return EXIT_USAGE;
}

/* Passwords: never on the command line */

static char *
read_password_file (const char  *path,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  char *end;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  end = strpbrk (contents, "\r\n");
  if (end != NULL)
    *end = '\0';
  if (*contents == '\0')
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("The first line of “%s” is empty: it should hold the password."), path);
      return NULL;
    }
  return g_strdup (contents);
}

/* Asks on the terminal without echo; NULL (no error) when there is no terminal. */
static char *
ask_password (const char  *prompt,
              GError     **error)
{
  int fd = open ("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  struct termios saved, quiet;
  GString *line;
  char c;
  gboolean echo_off;

  if (fd < 0)
    return NULL;
  echo_off = tcgetattr (fd, &saved) == 0;
  if (echo_off)
    {
      quiet = saved;
      quiet.c_lflag &= ~(ECHO | ECHONL);
      quiet.c_lflag |= ICANON;
      tcsetattr (fd, TCSAFLUSH, &quiet);
    }
  if (write (fd, prompt, strlen (prompt)) < 0)
    g_debug ("cannot write the prompt to the terminal");

  line = g_string_new (NULL);
  while (read (fd, &c, 1) == 1 && c != '\n' && c != '\r')
    g_string_append_c (line, c);

  if (echo_off)
    tcsetattr (fd, TCSAFLUSH, &saved);
  if (write (fd, "\n", 1) < 0)
    g_debug ("cannot write to the terminal");
  close (fd);
  return g_string_free (line, FALSE);
}

static void
wipe_password (char *password)
{
  if (password != NULL)
    {
      memset (password, 0, strlen (password));
      g_free (password);
    }
}

typedef char *Password;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (Password, wipe_password, NULL)

static char *
admin_password (Options  *options,
                GError  **error)
{
  const char *env = g_getenv ("RAADSWERK_ADMIN_PASSWORD");
  g_autofree char *prompt = NULL;
  char *password;

  if (options->password_file != NULL)
    return read_password_file (options->password_file, error);
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  prompt = g_strdup_printf (_("Password of server admin %s: "), options->admin);
  password = ask_password (prompt, error);
  if (password == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("No admin password: there is no terminal to ask it on. Set "
                   "RAADSWERK_ADMIN_PASSWORD or use --password-file FILE."));
  else if (*password == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("No admin password was typed."));
      g_clear_pointer (&password, wipe_password);
    }
  return password;
}

static char *
generate_password (void)
{
  /* No look-alikes (0/O, 1/l/I): the password is read aloud or copied by hand. */
  static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  GString *password = g_string_new (NULL);
  g_autoptr(GRand) rand = NULL;
  guint32 seed[8];
  int fd = open ("/dev/urandom", O_RDONLY | O_CLOEXEC);

  if (fd < 0 || read (fd, seed, sizeof seed) != sizeof seed)
    g_error ("cannot read /dev/urandom");
  close (fd);
  rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
  for (guint i = 0; i < 16; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (password, '-');
      g_string_append_c (password, alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]);
    }
  return g_string_free (password, FALSE);
}

/* The user's password: from a file, the environment, generated, or asked twice. NULL without
 * an error means "keep the current one" (only when @existing). */
static char *
user_password (Options     *options,
               const char  *name,
               gboolean     existing,
               gboolean    *generated,
               GError     **error)
{
  const char *env = g_getenv ("RAADSWERK_USER_PASSWORD");
  g_autofree char *prompt = NULL;
  g_autofree char *again = NULL;
  g_auto(Password) first = NULL;
  g_auto(Password) second = NULL;

  *generated = FALSE;
  if (options->user_password_file != NULL)
    return read_password_file (options->user_password_file, error);
  if (options->generate_password)
    {
      *generated = TRUE;
      return generate_password ();
    }
  if (env != NULL && *env != '\0')
    return g_strdup (env);

  prompt = existing ? g_strdup_printf (_("New password for %s (empty: keep the current one): "),
                                       name)
                    : g_strdup_printf (_("Password for new user %s: "), name);
  first = ask_password (prompt, error);
  if (first == NULL)
    {
      if (!existing)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("User “%s” is new and needs a password, and there is no terminal to ask "
                       "it on: set RAADSWERK_USER_PASSWORD, use --user-password-file FILE or "
                       "--generate-password."), name);
      return NULL;
    }
  if (*first == '\0')
    {
      if (!existing)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     _("A new user needs a password; none was typed."));
      return NULL;
    }
  again = g_strdup_printf (_("The same password again: "));
  second = ask_password (again, error);
  if (g_strcmp0 (first, second) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The two passwords differ; nothing was changed."));
      return NULL;
    }
  return g_steal_pointer (&first);
}

/* Connecting and the organisation */

static RaadRemote *
connect_admin (Options  *options,
               GError  **error)
{
  g_auto(Password) password = NULL;
  g_autoptr(RaadRemote) remote = NULL;

  password = admin_password (options, error);
  if (password == NULL)
    return NULL;
  remote = raad_remote_new (options->server, options->admin, password, error);
  if (remote == NULL)
    return NULL;
  if (options->fingerprint != NULL)
    raad_remote_set_pinned_fingerprint (remote, options->fingerprint);
  if (!raad_server_setup_connect (remote, error))
    return NULL;
  return g_steal_pointer (&remote);
}

/* --organisation, else the database file's, else the only one on the server. */
static char *
find_organisation (Options     *options,
                   RaadRemote  *remote,
                   GError     **error)
{
  g_auto(GStrv) ids = NULL;
  g_autofree char *list = NULL;

  if (options->organisation != NULL)
    return g_strdup (options->organisation);
  if (options->from_database != NULL)
    {
      g_autofree char *org_id = NULL;
      g_autoptr(GPtrArray) councils = NULL;

      if (!raad_server_setup_read_database (options->from_database, &org_id, NULL, &councils,
                                            error))
        return NULL;
      return g_steal_pointer (&org_id);
    }
  ids = raad_server_setup_list_organisations (remote, error);
  if (ids == NULL)
    return NULL;
  if (g_strv_length (ids) == 1)
    {
      g_print (_("organisation: %s\n"), ids[0]);
      return g_strdup (ids[0]);
    }
  if (ids[0] == NULL)
    g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_NOT_FOUND,
                 _("No organisation is set up on this server yet: run “raadswerk-admin setup” "
                   "with --organisation or --from-database."));
  else
    {
      list = g_strjoinv (", ", ids);
      g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_INVALID,
                   _("This server holds several organisations (%s): say which with "
                     "--organisation."), list);
    }
  return NULL;
}

/* Commands */

static int
run_setup (Options  *options,
           int       argc,
           char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadRemote) remote = NULL;
  g_autofree char *org_id = g_strdup (options->organisation);
  g_autofree char *org_name = NULL;
  g_autoptr(GPtrArray) councils = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (argc > 1)
    return usage_error (NULL, _("setup takes no names; councils go with --council ID."));
  if (options->organisation == NULL && options->from_database == NULL)
    return usage_error (NULL, _("setup needs --organisation ID or --from-database FILE."));

  if (options->from_database != NULL)
    {
      g_autofree char *file_org = NULL;

      if (!raad_server_setup_read_database (options->from_database, &file_org, &org_name,
                                            &councils, &error))
        return fail (error);
      if (org_id != NULL && g_strcmp0 (org_id, file_org) != 0)
        {
          g_printerr (_("raadswerk-admin: --organisation %s differs from the organisation "
                        "“%s” in %s.\n"), org_id, file_org, options->from_database);
          return EXIT_USAGE;
        }
      g_free (org_id);
      org_id = g_steal_pointer (&file_org);
      g_print (g_dngettext (GETTEXT_PACKAGE, "from %s: organisation %s (%s), %u council\n",
                            "from %s: organisation %s (%s), %u councils\n", councils->len),
               options->from_database, org_id, org_name != NULL ? org_name : "?", councils->len);
    }
  else
    councils = g_ptr_array_new_with_free_func ((GDestroyNotify) raad_server_council_free);
  for (guint i = 0; i < councils->len; i++)
    g_hash_table_add (seen, ((RaadServerCouncil *) g_ptr_array_index (councils, i))->id);
  for (guint i = 0; options->councils != NULL && options->councils[i] != NULL; i++)
    if (g_hash_table_add (seen, options->councils[i]))
      {
        RaadServerCouncil *council = g_new0 (RaadServerCouncil, 1);

        council->id = g_strdup (options->councils[i]);
        g_ptr_array_add (councils, council);
      }

  remote = connect_admin (options, &error);
  if (remote == NULL)
    return fail (error);
  if (!raad_server_setup_organisation (remote, org_id, org_name, print_step, NULL, &error))
    return fail (error);
  for (guint i = 0; i < councils->len; i++)
    {
      RaadServerCouncil *council = g_ptr_array_index (councils, i);

      if (!raad_server_setup_council (remote, org_id, council->id, council->name, print_step,
                                      NULL, &error))
        return fail (error);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Done: organisation %s with %u council is set up on %s.\n",
                        "Done: organisation %s with %u councils is set up on %s.\n",
                        councils->len),
           org_id, councils->len, raad_remote_get_url (remote));
  return EXIT_OK;
}

static int
run_add_council (Options  *options,
                 int       argc,
                 char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadRemote) remote = NULL;
  g_autofree char *org_id = NULL;
  g_autofree char *org_database = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) info = NULL;
  g_autoptr(GPtrArray) from_file = NULL;

  if (argc > 1)
    return usage_error (NULL, _("add-council takes its councils with --council ID."));
  if (options->councils == NULL || options->councils[0] == NULL)
    return usage_error (NULL, _("add-council needs at least one --council ID."));

  remote = connect_admin (options, &error);
  if (remote == NULL)
    return fail (error);
  org_id = find_organisation (options, remote, &error);
  if (org_id == NULL)
    return fail (error);

  org_database = raad_sync_database_name (org_id, NULL);
  path = g_strconcat ("/", org_database, NULL);
  info = raad_remote_call (remote, "GET", path, NULL, NULL, NULL, &error);
  if (info == NULL)
    {
      if (g_error_matches (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_NOT_FOUND))
        {
          g_printerr (_("raadswerk-admin: organisation %s is not set up on this server: run "
                        "“raadswerk-admin setup” first.\n"), org_id);
          return EXIT_FAILED;
        }
      return fail (error);
    }

  /* Names, when the support officer's file knows them. */
  if (options->from_database != NULL)
    {
      g_autofree char *file_org = NULL;

      if (!raad_server_setup_read_database (options->from_database, &file_org, NULL, &from_file,
                                            &error))
        return fail (error);
    }
  for (guint i = 0; options->councils[i] != NULL; i++)
    {
      const char *name = NULL;

      for (guint j = 0; from_file != NULL && j < from_file->len; j++)
        {
          RaadServerCouncil *council = g_ptr_array_index (from_file, j);

          if (g_str_equal (council->id, options->councils[i]))
            name = council->name;
        }
      if (!raad_server_setup_council (remote, org_id, options->councils[i], name, print_step,
                                      NULL, &error))
        return fail (error);
    }
  return EXIT_OK;
}

/* Before asking for a password: are the councils named there? */
static gboolean
check_councils_set_up (RaadRemote  *remote,
                       const char  *org_id,
                       Options     *options,
                       GError     **error)
{
  g_autoptr(GPtrArray) known = raad_server_setup_list_councils (remote, org_id, error);

  if (known == NULL)
    return FALSE;
  for (guint pass = 0; pass < 2; pass++)
    {
      GStrv list = pass == 0 ? options->councils : options->admin_councils;

      for (guint i = 0; list != NULL && list[i] != NULL; i++)
        {
          gboolean found = FALSE;

          for (guint j = 0; j < known->len && !found; j++)
            found = g_str_equal (((RaadServerCouncil *) g_ptr_array_index (known, j))->id,
                                 list[i]);
          if (!found)
            {
              g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_NOT_FOUND,
                           _("Council “%s” is not set up for organisation “%s” on this "
                             "server: check the id (see “raadswerk-admin check”) or run "
                             "“raadswerk-admin add-council” first."), list[i], org_id);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static int
run_add_user (Options  *options,
              int       argc,
              char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadRemote) remote = NULL;
  g_autofree char *org_id = NULL;
  g_auto(Password) password = NULL;
  const char *name;
  gboolean existing = FALSE;
  gboolean generated = FALSE;

  if (argc != 2)
    return usage_error (NULL, _("add-user needs exactly one user name."));
  name = argv[1];
  if (!raad_server_setup_check_user_name (name, &error))
    return fail (error);

  remote = connect_admin (options, &error);
  if (remote == NULL)
    return fail (error);
  org_id = find_organisation (options, remote, &error);
  if (org_id == NULL)
    return fail (error);
  if (!check_councils_set_up (remote, org_id, options, &error))
    return fail (error);

  /* Ask for a password only after the server said yes to the admin. */
  {
    g_autofree char *path = NULL;
    g_autofree char *id = g_strconcat ("org.couchdb.user:", name, NULL);
    g_autofree char *escaped = raad_remote_escape (id);
    g_autoptr(JsonNode) current = NULL;
    g_autoptr(GError) lookup_error = NULL;

    path = g_strconcat ("/_users/", escaped, NULL);
    current = raad_remote_call (remote, "GET", path, NULL, NULL, NULL, &lookup_error);
    existing = current != NULL;
  }
  password = user_password (options, name, existing, &generated, &error);
  if (password == NULL && error != NULL)
    return fail (error);

  if (!raad_server_setup_put_user (remote, org_id, name, password,
                                   (const char * const *) options->councils,
                                   (const char * const *) options->admin_councils,
                                   options->org_admin, print_step, NULL, &error))
    return fail (error);
  if (generated)
    g_print (_("password of %s: %s (hand it over in person; it is not shown again)\n"), name,
             password);
  g_print (_("%s logs in to %s with this name and password (Raadswerk: Preferences, Sync).\n"),
           name, raad_remote_get_url (remote));
  return EXIT_OK;
}

static int
run_remove_user (Options  *options,
                 int       argc,
                 char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadRemote) remote = NULL;
  g_autofree char *org_id = NULL;

  if (argc != 2)
    return usage_error (NULL, _("remove-user needs exactly one user name."));

  remote = connect_admin (options, &error);
  if (remote == NULL)
    return fail (error);
  org_id = find_organisation (options, remote, &error);
  if (org_id == NULL)
    return fail (error);
  if (!raad_server_setup_remove_user (remote, org_id, argv[1], print_step, NULL, &error))
    return fail (error);
  return EXIT_OK;
}

static int
run_list_users (Options  *options,
                int       argc,
                char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadRemote) remote = NULL;
  g_autofree char *org_id = NULL;
  g_autoptr(GPtrArray) users = NULL;
  int width = 0;

  if (argc > 1)
    return usage_error (NULL, _("list-users takes no names."));

  remote = connect_admin (options, &error);
  if (remote == NULL)
    return fail (error);
  org_id = find_organisation (options, remote, &error);
  if (org_id == NULL)
    return fail (error);
  users = raad_server_setup_list_users (remote, org_id, &error);
  if (users == NULL)
    return fail (error);

  if (users->len == 0)
    {
      g_print (_("Organisation %s has no users yet: add them with “raadswerk-admin add-user”.\n"),
               org_id);
      return EXIT_OK;
    }
  for (guint i = 0; i < users->len; i++)
    width = MAX (width, (int) g_utf8_strlen (((RaadServerUser *) g_ptr_array_index (users, i))->name, -1));
  for (guint i = 0; i < users->len; i++)
    {
      RaadServerUser *user = g_ptr_array_index (users, i);
      g_autoptr(GString) line = g_string_new (user->name);

      for (int pad = g_utf8_strlen (user->name, -1); pad < width + 2; pad++)
        g_string_append_c (line, ' ');
      if (user->councils[0] != NULL)
        {
          g_autofree char *list = g_strjoinv (", ", user->councils);

          g_string_append_printf (line, _("member of %s"), list);
        }
      if (user->admin_councils[0] != NULL)
        {
          g_autofree char *list = g_strjoinv (", ", user->admin_councils);

          if (user->councils[0] != NULL)
            g_string_append (line, "; ");
          g_string_append_printf (line, _("admin of %s"), list);
        }
      if (user->councils[0] == NULL && user->admin_councils[0] == NULL)
        g_string_append (line, _("no council"));
      if (user->org_admin)
        g_string_append (line, _("; organisation admin"));
      if (!user->member)
        g_string_append (line, _(" (not a member of the organisation: run add-user again)"));
      g_print ("%s\n", line->str);
    }
  return EXIT_OK;
}

static int
run_check (Options  *options,
           int       argc,
           char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadRemote) remote = NULL;
  g_autofree char *org_id = NULL;
  g_autoptr(GPtrArray) from_file = NULL;
  g_autoptr(GPtrArray) council_ids = g_ptr_array_new ();
  guint n_problems = 0;

  if (argc > 1)
    return usage_error (NULL, _("check takes no names."));

  remote = connect_admin (options, &error);
  if (remote == NULL)
    return fail (error);
  org_id = find_organisation (options, remote, &error);
  if (org_id == NULL)
    return fail (error);
  /* Councils the database file or the command line expect, besides those set up. */
  if (options->from_database != NULL)
    {
      g_autofree char *file_org = NULL;

      if (!raad_server_setup_read_database (options->from_database, &file_org, NULL, &from_file,
                                            &error))
        return fail (error);
      for (guint i = 0; i < from_file->len; i++)
        g_ptr_array_add (council_ids, ((RaadServerCouncil *) g_ptr_array_index (from_file, i))->id);
    }
  for (guint i = 0; options->councils != NULL && options->councils[i] != NULL; i++)
    g_ptr_array_add (council_ids, options->councils[i]);
  g_ptr_array_add (council_ids, NULL);

  if (!raad_server_setup_check (remote, org_id, (const char * const *) council_ids->pdata,
                                print_step, NULL, &n_problems, &error))
    return fail (error);
  if (n_problems > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u problem found.\n", "%u problems found.\n",
                            n_problems), n_problems);
      return EXIT_PROBLEMS;
    }
  g_print (_("No problems found.\n"));
  return EXIT_OK;
}

static const Command commands[] = {
  { "setup", "", N_("Create or repair the databases, security and write rules of an "
                    "organisation and its councils"), run_setup },
  { "add-council", "", N_("Set up the private database of one or more new councils"),
    run_add_council },
  { "add-user", N_("NAME"), N_("Create a user, or change its councils and password"),
    run_add_user },
  { "remove-user", N_("NAME"), N_("Take a user’s roles in the organisation away"),
    run_remove_user },
  { "list-users", "", N_("List the users of the organisation and their councils"),
    run_list_users },
  { "check", "", N_("Check an existing set-up without changing it"), run_check },
};

static void
print_overview (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: raadswerk-admin COMMAND [OPTION…]"));
  fprintf (out, "%s\n\n", _("Sets a CouchDB server up so that the laptops of an organisation’s "
                            "client councils can sync with it."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("“raadswerk-admin COMMAND --help” shows a command’s options."));
}

static const char *
exit_status_text (void)
{
  return _("The admin password comes from $RAADSWERK_ADMIN_PASSWORD, from --password-file, or "
           "is asked on the terminal; a user’s password likewise from $RAADSWERK_USER_PASSWORD, "
           "--user-password-file or the terminal. Passwords are never command-line arguments.\n"
           "\n"
           "Exit status: 0 done, 1 failed (the message says why), 2 wrong command line, "
           "3 check found problems.");
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Options) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parameter = NULL;
  const Command *command = NULL;
  const char *server_env = g_getenv ("RAADSWERK_SERVER");
  GOptionEntry common[] = {
    { "server", 's', 0, G_OPTION_ARG_STRING, &options.server,
      N_("The server’s address, e.g. https://sync.example.org:6984 (or $RAADSWERK_SERVER)"),
      N_("URL") },
    { "admin", 'a', 0, G_OPTION_ARG_STRING, &options.admin,
      N_("A server admin’s name (default: admin)"), N_("NAME") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &options.password_file,
      N_("Read the admin’s password from the first line of FILE"), N_("FILE") },
    { "fingerprint", 0, 0, G_OPTION_ARG_STRING, &options.fingerprint,
      N_("Trust a self-signed certificate with this SHA-256 fingerprint"), N_("HEX") },
    { "organisation", 'o', 0, G_OPTION_ARG_STRING, &options.organisation,
      N_("The organisation’s id (as in Raadswerk’s records)"), N_("ID") },
    { "from-database", 'd', 0, G_OPTION_ARG_FILENAME, &options.from_database,
      N_("Take the organisation and its councils from a Raadswerk database file (not changed)"),
      N_("FILE") },
    { NULL }
  };
  GOptionEntry councils[] = {
    { "council", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &options.councils,
      N_("A council’s id (repeat for more councils)"), N_("ID") },
    { NULL }
  };
  GOptionEntry user[] = {
    { "council-admin", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.admin_councils,
      N_("Make the user an admin of this council (repeat for more)"), N_("ID") },
    { "org-admin", 0, 0, G_OPTION_ARG_NONE, &options.org_admin,
      N_("Make the user an admin of the whole organisation"), NULL },
    { "user-password-file", 0, 0, G_OPTION_ARG_FILENAME, &options.user_password_file,
      N_("Read the user’s password from the first line of FILE"), N_("FILE") },
    { "generate-password", 0, 0, G_OPTION_ARG_NONE, &options.generate_password,
      N_("Make up a password and print it once"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RAADSWERK_LOCALEDIR") != NULL
                                   ? g_getenv ("RAADSWERK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("raadswerk-admin");

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_overview (argc < 2 ? stderr : stdout);
      return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      command = &commands[i];
  if (command == NULL)
    {
      g_printerr (_("raadswerk-admin: unknown command “%s”.\n\n"), argv[1]);
      print_overview (stderr);
      return EXIT_USAGE;
    }

  /* _("") would be the catalogue's header. */
  parameter = g_strdup_printf ("%s %s", command->name,
                               *command->parameters != '\0' ? _(command->parameters) : "");
  context = g_option_context_new (parameter);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_description (context, exit_status_text ());
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (command->run != run_remove_user && command->run != run_list_users)
    g_option_context_add_main_entries (context, councils, GETTEXT_PACKAGE);
  if (command->run == run_add_user)
    g_option_context_add_main_entries (context, user, GETTEXT_PACKAGE);

  /* The command's own argv: "raadswerk-admin add-user NAME …" → "add-user NAME …". */
  argc--;
  argv++;
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (options.server == NULL && server_env != NULL && *server_env != '\0')
    options.server = g_strdup (server_env);
  if (options.server == NULL)
    return usage_error (context, _("Which server? Give --server URL (or set RAADSWERK_SERVER)."));
  if (options.admin == NULL)
    options.admin = g_strdup ("admin");

  return command->run (&options, argc, argv);
}
