/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-server-setup.h: sets a CouchDB server up for an organisation (raadswerk-admin's core) */
#pragma once

#include "raad-remote.h"

G_BEGIN_DECLS

/* The version of the rules in the design documents; a set-up with an older one is updated. */
#define RAAD_SERVER_SETUP_RULES_VERSION 1
/* The design document that holds the write rules of every Raadswerk database. */
#define RAAD_SERVER_SETUP_DESIGN_ID "_design/raadswerk"

/* What one step found or did; every step is reported once, with a sentence for IT. */
typedef enum
{
  RAAD_SERVER_SETUP_CREATED,   /* made new */
  RAAD_SERVER_SETUP_UPDATED,   /* was there, changed to what it should be */
  RAAD_SERVER_SETUP_UNCHANGED, /* already there as it should be */
  RAAD_SERVER_SETUP_REMOVED,   /* taken away */
  RAAD_SERVER_SETUP_OK,        /* check: as it should be */
  RAAD_SERVER_SETUP_PROBLEM,   /* check: wrong, with what to do about it */
} RaadServerSetupStep;

typedef void (*RaadServerSetupReport) (RaadServerSetupStep  step,
                                       const char          *message,
                                       gpointer             user_data);

/* Logs in and makes sure the account is a server admin: fails with RAAD_SYNC_ERROR_UNAUTHORIZED
 * (wrong name or password), RAAD_SYNC_ERROR_FORBIDDEN (not a server admin),
 * RAAD_SYNC_ERROR_UNREACHABLE, RAAD_SYNC_ERROR_CERTIFICATE or RAAD_SYNC_ERROR_SERVER (no
 * CouchDB-protocol server there), each with a sentence that says so. */
gboolean   raad_server_setup_connect            (RaadRemote            *remote,
                                                 GError               **error);

/* What a database of the set-up must look like; @council_id NULL: the organisation's. */
JsonNode  *raad_server_setup_security           (const char            *org_id,
                                                 const char            *council_id);
char      *raad_server_setup_validate_function  (const char            *org_id,
                                                 const char            *council_id);

/* Creates (or brings up to date) the users database, the organisation database, its
 * security object and its design document. Safe to run again. @name may be NULL. */
gboolean   raad_server_setup_organisation       (RaadRemote            *remote,
                                                 const char            *org_id,
                                                 const char            *name,
                                                 RaadServerSetupReport  report,
                                                 gpointer               user_data,
                                                 GError               **error);
/* The same for one council's private database. */
gboolean   raad_server_setup_council            (RaadRemote            *remote,
                                                 const char            *org_id,
                                                 const char            *council_id,
                                                 const char            *name,
                                                 RaadServerSetupReport  report,
                                                 gpointer               user_data,
                                                 GError               **error);

/* A council set up on the server, as its design document tells. */
typedef struct
{
  char *id;
  char *name;     /* may be NULL */
  char *database;
} RaadServerCouncil;

void       raad_server_council_free             (RaadServerCouncil     *council);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RaadServerCouncil, raad_server_council_free)

/* The councils of @org_id set up on the server, sorted by id (a GPtrArray of
 * RaadServerCouncil). */
GPtrArray *raad_server_setup_list_councils      (RaadRemote            *remote,
                                                 const char            *org_id,
                                                 GError               **error);
/* The organisations set up on the server (ids, sorted). */
GStrv      raad_server_setup_list_organisations (RaadRemote            *remote,
                                                 GError               **error);

/* A user of the organisation and the roles it holds there. */
typedef struct
{
  char     *name;
  GStrv     councils;        /* member of (council:<id>:member) */
  GStrv     admin_councils;  /* admin of (council:<id>:admin) */
  gboolean  member;          /* org:<org>:member */
  gboolean  org_admin;       /* org:<org>:admin */
} RaadServerUser;

void       raad_server_user_free                (RaadServerUser        *user);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RaadServerUser, raad_server_user_free)

/* Fails with RAAD_SYNC_ERROR_INVALID and a sentence when @name cannot be a CouchDB user. */
gboolean   raad_server_setup_check_user_name    (const char            *name,
                                                 GError               **error);
/* Creates the user, or updates an existing one: its roles in this organisation become
 * org:<org>:member (always), org:<org>:admin (@org_admin), council:<c>:member for each of
 * @councils and council:<c>:admin for each of @admin_councils (they also count as member);
 * roles elsewhere are kept. @password is required for a new user; NULL keeps the current one.
 * Every council must be set up already. */
gboolean   raad_server_setup_put_user           (RaadRemote            *remote,
                                                 const char            *org_id,
                                                 const char            *name,
                                                 const char            *password,
                                                 const char * const    *councils,
                                                 const char * const    *admin_councils,
                                                 gboolean               org_admin,
                                                 RaadServerSetupReport  report,
                                                 gpointer               user_data,
                                                 GError               **error);
/* Takes the user's roles in this organisation away; deletes the user when no roles are left. */
gboolean   raad_server_setup_remove_user        (RaadRemote            *remote,
                                                 const char            *org_id,
                                                 const char            *name,
                                                 RaadServerSetupReport  report,
                                                 gpointer               user_data,
                                                 GError               **error);
/* The users with any role in the organisation, sorted by name (RaadServerUser). */
GPtrArray *raad_server_setup_list_users         (RaadRemote            *remote,
                                                 const char            *org_id,
                                                 GError               **error);

/* Checks a set-up without changing it: every database (the organisation's, the councils set up
 * and @council_ids, which may be NULL), its security, its design document, that anonymous
 * visitors are kept out, and the users' roles. Reports each finding; @n_problems gets the
 * number of PROBLEM reports. Fails only when the server cannot be asked. */
gboolean   raad_server_setup_check              (RaadRemote            *remote,
                                                 const char            *org_id,
                                                 const char * const    *council_ids,
                                                 RaadServerSetupReport  report,
                                                 gpointer               user_data,
                                                 guint                 *n_problems,
                                                 GError               **error);

/* Reads the organisation and its councils from a Raadswerk database file without changing
 * it (a copy is opened): @org_id, @org_name (may be NULL), and @councils (a GPtrArray of
 * RaadServerCouncil with id and name). */
gboolean   raad_server_setup_read_database      (const char            *path,
                                                 char                 **org_id,
                                                 char                 **org_name,
                                                 GPtrArray            **councils,
                                                 GError               **error);

G_END_DECLS
