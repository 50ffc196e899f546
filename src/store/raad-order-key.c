/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-order-key.c: keys that sort between their neighbours (fractional indexing) */
#include "config.h"

#include <string.h>

#include "raad-order-key.h"

/* In ASCII order, so that strcmp sorts keys as the numbers they are. */
static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
#define BASE 62

static int
digit_value (char c)
{
  const char *p = c != '\0' ? strchr (digits, c) : NULL;

  return p != NULL ? (int) (p - digits) : -1;
}

gboolean
raad_order_key_is_valid (const char *key)
{
  gsize len;

  if (key == NULL || *key == '\0')
    return FALSE;
  for (const char *p = key; *p; p++)
    if (digit_value (*p) < 0)
      return FALSE;
  len = strlen (key);
  return key[len - 1] != '0';
}

/* The digits strictly between the fractions 0.@a and 0.@b (@b NULL: 1). @a may be "". */
static void
append_midpoint (GString    *out,
                 const char *a,
                 const char *b)
{
  int da;
  int db;

  if (b != NULL)
    {
      /* Equal leading digits (a padded with zeros) are kept as they are. */
      gsize len_a = strlen (a);
      gsize n = 0;

      while (b[n] != '\0' && (n < len_a ? a[n] : '0') == b[n])
        n++;
      if (n > 0)
        {
          g_string_append_len (out, b, n);
          append_midpoint (out, n < len_a ? a + n : "", b + n);
          return;
        }
    }

  da = a[0] != '\0' ? digit_value (a[0]) : 0;
  db = b != NULL ? digit_value (b[0]) : BASE;
  if (db - da > 1)
    {
      g_string_append_c (out, digits[(da + db + 1) / 2]);
      return;
    }
  /* Neighbouring first digits. */
  if (b != NULL && b[1] != '\0')
    {
      /* b's first digit alone is above a and below b. */
      g_string_append_c (out, b[0]);
      return;
    }
  g_string_append_c (out, digits[da]);
  append_midpoint (out, a[0] != '\0' ? a + 1 : "", NULL);
}

char *
raad_order_key_between (const char *before,
                        const char *after)
{
  GString *key = g_string_new (NULL);

  g_return_val_if_fail (before == NULL || raad_order_key_is_valid (before), NULL);
  g_return_val_if_fail (after == NULL || raad_order_key_is_valid (after), NULL);
  g_return_val_if_fail (before == NULL || after == NULL || strcmp (before, after) < 0, NULL);

  append_midpoint (key, before != NULL ? before : "", after);
  return g_string_free (key, FALSE);
}
