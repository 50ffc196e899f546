/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-test-util.h: fixtures shared by the test programs */
#pragma once

#include "raad-store.h"

G_BEGIN_DECLS

/* A fresh database file in a new temporary folder, opened through the real migrations. */
RaadStore *raad_test_store_new          (void);
/* Path of a new temporary folder, removed by raad_test_remove_tree. */
char      *raad_test_make_tmpdir        (void);
void       raad_test_remove_tree        (const char *path);
/* Iterates the default main context until *flag is TRUE or @timeout_ms passes; returns *flag. */
gboolean   raad_test_wait_for           (const gboolean *flag,
                                         guint           timeout_ms);
/* Iterates until @cond returns TRUE (or the deadline); returns the last result. */
gboolean   raad_test_wait_until         (gboolean      (*cond) (gpointer data),
                                         gpointer        data,
                                         guint           timeout_ms);
/* Saves a council and returns its id. */
char      *raad_test_save_council       (RaadStore      *store,
                                         const char     *name,
                                         const char     *kind,
                                         const char     *location);
/* @ms scaled by $RAADSWERK_TEST_TIMEOUT_SCALE (sanitizer builds run several times slower). */
guint      raad_test_timeout_ms         (guint           ms);
/* The source data folder (RAADSWERK_DATADIR). */
const char *raad_test_datadir           (void);

G_END_DECLS
