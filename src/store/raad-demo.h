/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-demo.h: loads an organisation from a JSON file of documents (the example) */
#pragma once

#include "raad-store.h"

G_BEGIN_DECLS

/* Loads @path ({"format": "raadswerk-demo-1", "documents": [...]}) in one transaction.
 * Dates "today+N" / "today-N" become YYYY-MM-DD relative to @today (NULL: today); an
 * attachment {"content_type", "file"} is read from beside @path. Nothing is written when any
 * document is wrong. */
gboolean  raad_demo_load       (RaadStore   *store,
                                const char  *path,
                                GError     **error);
gboolean  raad_demo_load_at    (RaadStore   *store,
                                const char  *path,
                                GDate       *today,
                                GError     **error);
/* The example organisation: $RAADSWERK_DATADIR/demo, the installed one, the source tree's. */
char     *raad_demo_find_path  (void);

G_END_DECLS
