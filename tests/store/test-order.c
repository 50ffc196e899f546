/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-order.c: order keys between neighbours, and agenda numbers and times */
#include "config.h"

#include <string.h>

#include "raad-order-key.h"
#include "raad-schedule.h"

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const char *const *ka = a;
  const char *const *kb = b;

  return strcmp (*ka, *kb);
}

/* 200 random moves: sorting the items by their keys gives the same order as a plain list
 * that was moved the same way; each move changed one key only. */
static void
test_random_moves (void)
{
  g_autoptr(GPtrArray) reference = g_ptr_array_new ();       /* item names in order */
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint longest = 0;

  /* 30 items appended one after the other. */
  for (guint i = 0; i < 30; i++)
    {
      char *name = g_strdup_printf ("item-%02u", i);
      const char *last = reference->len > 0 ? g_hash_table_lookup (keys, g_ptr_array_index (reference, reference->len - 1)) : NULL;

      g_hash_table_insert (keys, name, raad_order_key_between (last, NULL));
      g_ptr_array_add (reference, name);
    }

  for (guint move = 0; move < 200; move++)
    {
      guint from = g_test_rand_int_range (0, reference->len);
      guint to;
      char *name = g_ptr_array_steal_index (reference, from);
      const char *before;
      const char *after;
      char *key;
      g_autoptr(GPtrArray) by_key = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer item;
      gpointer item_key;

      /* Every third move goes to an end; the others anywhere, often next to the last spot. */
      if (move % 3 == 0)
        to = move % 2 == 0 ? 0 : reference->len;
      else if (move % 3 == 1)
        to = MIN (reference->len, from);
      else
        to = g_test_rand_int_range (0, reference->len + 1);
      g_ptr_array_insert (reference, to, name);
      before = to > 0 ? g_hash_table_lookup (keys, g_ptr_array_index (reference, to - 1)) : NULL;
      after = to + 1 < reference->len ? g_hash_table_lookup (keys, g_ptr_array_index (reference, to + 1)) : NULL;
      key = raad_order_key_between (before, after);
      g_assert_true (raad_order_key_is_valid (key));
      if (before != NULL)
        g_assert_cmpint (strcmp (before, key), <, 0);
      if (after != NULL)
        g_assert_cmpint (strcmp (key, after), <, 0);
      longest = MAX (longest, strlen (key));
      g_hash_table_insert (keys, g_strdup (name), key);   /* keeps the name the list holds */

      /* Sorting by key gives the reference order. */
      g_hash_table_iter_init (&iter, keys);
      while (g_hash_table_iter_next (&iter, &item, &item_key))
        g_ptr_array_add (by_key, item_key);
      g_ptr_array_sort (by_key, compare_keys);
      for (guint i = 0; i < reference->len; i++)
        g_assert_cmpstr (g_ptr_array_index (by_key, i), ==,
                         g_hash_table_lookup (keys, g_ptr_array_index (reference, i)));
    }
  g_test_message ("longest key after 200 moves: %u characters", longest);
  g_assert_cmpuint (longest, <, 40);
}

static void
test_keys_edges (void)
{
  g_autofree char *first = raad_order_key_between (NULL, NULL);
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  g_autofree char *between = NULL;
  g_autofree char *tight = NULL;

  g_assert_true (raad_order_key_is_valid (first));
  low = raad_order_key_between (NULL, "1");
  g_assert_cmpint (strcmp (low, "1"), <, 0);
  high = raad_order_key_between ("z", NULL);
  g_assert_cmpint (strcmp ("z", high), <, 0);
  between = raad_order_key_between ("1", "2");
  g_assert_cmpstr (between, ==, "1V");
  tight = raad_order_key_between ("1", "10V");
  g_assert_cmpint (strcmp ("1", tight), <, 0);
  g_assert_cmpint (strcmp (tight, "10V"), <, 0);
  g_assert_false (raad_order_key_is_valid ("10"));
  g_assert_false (raad_order_key_is_valid (""));
  g_assert_false (raad_order_key_is_valid ("a-b"));

  /* Always inserting right after the first item keeps working. */
  {
    g_autofree char *a = g_strdup ("V");
    g_autofree char *b = g_strdup ("W");

    for (guint i = 0; i < 100; i++)
      {
        char *k = raad_order_key_between (a, b);

        g_assert_cmpint (strcmp (a, k), <, 0);
        g_assert_cmpint (strcmp (k, b), <, 0);
        g_free (b);
        b = k;
      }
  }
}

static void
test_schedule (void)
{
  /* 19:30 start: opening 5, a subject of 20 with two sub-items of 15 and 10 (longer than
   * its own 20), a request of 30. */
  RaadScheduleEntry entries[] = {
    { .depth = 0, .duration = 5 },
    { .depth = 0, .duration = 20 },
    { .depth = 1, .duration = 15 },
    { .depth = 1, .duration = 10 },
    { .depth = 0, .duration = 30 },
  };
  guint start = 0;
  guint end;
  g_autofree char *number = NULL;
  g_autofree char *time = NULL;

  g_assert_true (raad_schedule_parse_time ("19:30", &start));
  g_assert_cmpuint (start, ==, 19 * 60 + 30);
  end = raad_schedule_compute (entries, G_N_ELEMENTS (entries), start);
  g_assert_cmpuint (entries[0].start, ==, 19 * 60 + 30);
  g_assert_cmpuint (entries[1].start, ==, 19 * 60 + 35);
  g_assert_cmpuint (entries[2].start, ==, 19 * 60 + 35);
  g_assert_cmpuint (entries[3].start, ==, 19 * 60 + 50);
  g_assert_cmpuint (entries[1].end, ==, 20 * 60);        /* the sub-items' 25, not its 20 */
  g_assert_cmpuint (entries[4].start, ==, 20 * 60);
  g_assert_cmpuint (end, ==, 20 * 60 + 30);
  number = raad_schedule_format_number (entries[3].number);
  g_assert_cmpstr (number, ==, "2.2");
  g_assert_cmpuint (entries[4].number[0], ==, 3);
  g_assert_cmpuint (entries[4].number[1], ==, 0);

  /* Across midnight: from 23:40 the last item starts the next day; the planned end 00:15
   * is the next day too, and the agenda runs past it. */
  g_assert_true (raad_schedule_parse_time ("23:40", &start));
  end = raad_schedule_compute (entries, G_N_ELEMENTS (entries), start);
  time = raad_schedule_format_time (entries[4].start);
  g_assert_cmpstr (time, ==, "00:10 (+1)");
  g_assert_cmpuint (raad_schedule_planned_end (start, 15), ==, 24 * 60 + 15);
  g_assert_cmpuint (end, >, raad_schedule_planned_end (start, 15));
  g_assert_cmpuint (end, ==, 24 * 60 + 40);

  /* Times people type. */
  g_assert_true (raad_schedule_parse_time ("9.05", &start));
  g_assert_cmpuint (start, ==, 9 * 60 + 5);
  g_assert_false (raad_schedule_parse_time ("24:00", NULL));
  g_assert_false (raad_schedule_parse_time ("19:3", NULL));
  g_assert_false (raad_schedule_parse_time ("half acht", NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/order-key/random-moves", test_random_moves);
  g_test_add_func ("/store/order-key/edges", test_keys_edges);
  g_test_add_func ("/store/schedule/times", test_schedule);
  return g_test_run ();
}
