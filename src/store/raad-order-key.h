/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-order-key.h: keys that sort between their neighbours (fractional indexing) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Ordering that several laptops may change at once (agenda items) keeps a key per record:
 * moving one record changes only its own key. Keys are strings of the digits 0-9A-Za-z that
 * sort with strcmp; they never end in "0", so there is always room between two of them.
 *
 * Returns a new key strictly between @before and @after; NULL @before means "before
 * everything", NULL @after "after everything". @before must sort before @after. */
char     *raad_order_key_between (const char *before,
                                  const char *after);
/* TRUE when @key is a well-formed order key. */
gboolean  raad_order_key_is_valid (const char *key);

G_END_DECLS
