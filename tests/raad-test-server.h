/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-test-server.h: a real CouchDB-protocol server (PouchDB Server) for the sync tests */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RaadTestServer RaadTestServer;

/* The server admin every test server gets. */
#define RAAD_TEST_SERVER_ADMIN          "admin"
#define RAAD_TEST_SERVER_ADMIN_PASSWORD "geheim-admin"

/* Starts PouchDB Server on a free 127.0.0.1 port with an admin, and waits until it answers.
 * @persistent: keep the databases in a folder (LevelDB) so that a restart finds them again;
 * else in memory. The program comes from build-aux/test-server-setup's folder
 * ($RAADSWERK_NPM_CACHE or ~/.cache/raadswerk-test/npm); a missing install fails the test
 * with the command to run. */
RaadTestServer *raad_test_server_start    (gboolean        persistent);
/* "http://127.0.0.1:PORT" */
const char     *raad_test_server_get_url  (RaadTestServer *self);
guint           raad_test_server_get_port (RaadTestServer *self);
/* The folder of the npm install (node_modules/ inside), for Node helper scripts. */
const char     *raad_test_server_get_npm_dir (void);
/* SIGKILLs the server process and waits for it to end. */
void            raad_test_server_kill     (RaadTestServer *self);
/* Starts it again on the same port (after kill); persistent servers keep their data. */
void            raad_test_server_restart  (RaadTestServer *self);
gboolean        raad_test_server_is_running (RaadTestServer *self);
/* Stops the server and removes its folder. */
void            raad_test_server_free     (RaadTestServer *self);

/* One request as the admin, for test set-up: returns the body; asserts the status is 2xx
 * unless @allow_error. @status may be NULL. */
char           *raad_test_server_request  (RaadTestServer *self,
                                           const char     *method,
                                           const char     *path,
                                           const char     *json_body,
                                           gboolean        allow_error,
                                           guint          *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RaadTestServer, raad_test_server_free)

G_END_DECLS
