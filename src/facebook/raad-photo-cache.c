/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-photo-cache.c: member photos decoded at card size in a thread, cached by digest */
#define G_LOG_DOMAIN "raad-photo-cache"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-background.h"
#include "raad-photo.h"
#include "raad-photo-cache.h"

/* Cards ask for a photo when they are mapped. The stored bytes are read on the main thread
 * (the store's connection belongs to it), in an idle after the frame that asked (a first frame
 * shows initials rather than wait for a dozen reads), and decoding and scaling happen in a
 * worker thread.
 * Requests for the same digest and size while one is running wait for that one. Textures are
 * kept by "digest@size" in a bounded cache, oldest out first: a digest never changes meaning,
 * so nothing needs invalidating. */

/* Textures kept: a few screens of cards (96 × 96 pixels: 36 KiB each). */
#define MAX_ENTRIES 240
/* Photos read and being decoded at once: a fast scroll asks for hundreds, and each one read
 * holds its bytes until decoded. */
#define MAX_DECODING 4

struct _RaadPhotoCache
{
  GObject     parent_instance;

  GHashTable *textures;   /* key → GdkTexture */
  GQueue     *order;      /* keys, oldest first (owned by @textures) */
  GHashTable *waiting;    /* key → GPtrArray of GTask */
  GQueue     *reads;      /* PhotoRead, not read yet */
  guint       read_idle_id;
  guint       n_decoding;
  guint       n_pending;
};

typedef struct
{
  RaadRecord *record;
  char       *name;
  char       *key;
  int         size;
} PhotoRead;

static void
photo_read_free (PhotoRead *read)
{
  g_object_unref (read->record);
  g_free (read->name);
  g_free (read->key);
  g_free (read);
}

G_DEFINE_FINAL_TYPE (RaadPhotoCache, raad_photo_cache, G_TYPE_OBJECT)

typedef struct
{
  GBytes *data;
  int     size;
} DecodeData;

static void
decode_data_free (gpointer data)
{
  DecodeData *decode = data;

  g_bytes_unref (decode->data);
  g_free (decode);
}

static char *
make_key (const char *digest,
          int         size)
{
  return g_strdup_printf ("%s@%d", digest, size);
}

static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DecodeData *decode = task_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  pixbuf = raad_photo_load_thumbnail (decode->data, decode->size, &error);
  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}

/* Photos are decoded in two threads of their own at a lower priority than the window's: a
 * screenful of cards asks for a dozen at once, and on a two-core laptop the decoding would
 * take the processor the next frame needs. (Not GTask's threads: they serve others too, and a
 * thread cannot raise its priority again.) */
static void
decode_in_pool (gpointer data,
                gpointer user_data)
{
  static GPrivate lowered = G_PRIVATE_INIT (NULL);
  g_autoptr(GTask) task = data;

  if (g_private_get (&lowered) == NULL)
    {
      raad_background_lower_priority ();
      g_private_set (&lowered, GINT_TO_POINTER (TRUE));
    }
  decode_thread (task, g_task_get_source_object (task), g_task_get_task_data (task),
                 g_task_get_cancellable (task));
}

static void
decode_later (GTask *task)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      /* Exclusive: these threads run photos only. */
      GThreadPool *created = g_thread_pool_new (decode_in_pool, NULL, 2, TRUE, NULL);

      g_once_init_leave (&pool, created);
    }
  g_thread_pool_push (pool, g_object_ref (task), NULL);
}

static void
insert_texture (RaadPhotoCache *self,
                const char     *key,
                GdkTexture     *texture)
{
  char *owned_key;

  if (g_hash_table_contains (self->textures, key))
    return;
  owned_key = g_strdup (key);
  g_hash_table_insert (self->textures, owned_key, g_object_ref (texture));
  g_queue_push_tail (self->order, owned_key);
  while (g_queue_get_length (self->order) > MAX_ENTRIES)
    {
      char *oldest = g_queue_pop_head (self->order);

      g_hash_table_remove (self->textures, oldest);
    }
}

/* Answers everyone waiting for @key. */
static void
finish_key (RaadPhotoCache *self,
            const char     *key,
            GdkTexture     *texture,
            const GError   *error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *stolen_key = NULL;

  if (texture != NULL)
    insert_texture (self, key, texture);
  else
    g_debug ("Could not load a photo: %s", error->message);

  g_hash_table_steal_extended (self->waiting, key, (gpointer *) &stolen_key, (gpointer *) &tasks);
  self->n_pending--;
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (texture != NULL)
        g_task_return_pointer (task, g_object_ref (texture), g_object_unref);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

static gboolean read_idle (gpointer data);

static void
queue_reads (RaadPhotoCache *self)
{
  if (self->read_idle_id == 0 && !g_queue_is_empty (self->reads)
      && self->n_decoding < MAX_DECODING)
    self->read_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, read_idle, self, NULL);
}

static void
load_decoded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autofree char *key = user_data;
  RaadPhotoCache *self = raad_photo_cache_get_default ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = raad_photo_cache_decode_finish (result, &error);
  self->n_decoding--;
  finish_key (self, key, texture, error);
  queue_reads (self);
}

/* Nobody waits for @key any more (the cards went): no need to read it. */
static gboolean
all_cancelled (RaadPhotoCache *self,
               const char     *key)
{
  GPtrArray *tasks = g_hash_table_lookup (self->waiting, key);

  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      GCancellable *cancellable = g_task_get_cancellable (g_ptr_array_index (tasks, i));

      if (cancellable == NULL || !g_cancellable_is_cancelled (cancellable))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_idle (gpointer data)
{
  RaadPhotoCache *self = data;
  gint64 deadline = g_get_monotonic_time () + 4000;
  PhotoRead *read;

  /* Requests nobody waits for any more go first, and whatever the decoding. */
  for (GList *l = self->reads->head; l != NULL;)
    {
      GList *next = l->next;

      read = l->data;
      if (all_cancelled (self, read->key))
        {
          g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                         "Not needed any more");

          g_queue_delete_link (self->reads, l);
          finish_key (self, read->key, NULL, error);
          photo_read_free (read);
        }
      l = next;
    }

  while (self->n_decoding < MAX_DECODING && (read = g_queue_pop_head (self->reads)) != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (all_cancelled (self, read->key))
        {
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Not needed any more");
          finish_key (self, read->key, NULL, error);
        }
      else if ((bytes = raad_record_get_attachment (read->record, read->name, NULL,
                                                    &error)) == NULL)
        finish_key (self, read->key, NULL, error);
      else
        {
          self->n_decoding++;
          raad_photo_cache_decode_async (bytes, read->size, NULL, load_decoded_cb,
                                         g_strdup (read->key));
        }
      photo_read_free (read);
      if (g_get_monotonic_time () > deadline)
        return G_SOURCE_CONTINUE;
    }
  self->read_idle_id = 0;
  return G_SOURCE_REMOVE;
}

static void
raad_photo_cache_finalize (GObject *object)
{
  RaadPhotoCache *self = RAAD_PHOTO_CACHE (object);

  g_clear_handle_id (&self->read_idle_id, g_source_remove);
  g_queue_free_full (self->reads, (GDestroyNotify) photo_read_free);
  g_queue_free (self->order);
  g_hash_table_unref (self->textures);
  g_hash_table_unref (self->waiting);

  G_OBJECT_CLASS (raad_photo_cache_parent_class)->finalize (object);
}

static void
raad_photo_cache_class_init (RaadPhotoCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = raad_photo_cache_finalize;
}

static void
raad_photo_cache_init (RaadPhotoCache *self)
{
  self->textures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->order = g_queue_new ();
  self->reads = g_queue_new ();
  self->waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
}

RaadPhotoCache *
raad_photo_cache_get_default (void)
{
  static RaadPhotoCache *instance;

  if (instance == NULL)
    instance = g_object_new (RAAD_TYPE_PHOTO_CACHE, NULL);
  return instance;
}

GdkTexture *
raad_photo_cache_lookup (RaadPhotoCache *self,
                         const char     *digest,
                         int             size)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (RAAD_IS_PHOTO_CACHE (self), NULL);

  if (digest == NULL)
    return NULL;
  key = make_key (digest, size);
  return g_hash_table_lookup (self->textures, key);
}

void
raad_photo_cache_load_async (RaadPhotoCache      *self,
                             RaadRecord          *record,
                             const char          *name,
                             int                  size,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  const char *digest;
  GdkTexture *texture;
  GPtrArray *tasks;
  PhotoRead *read;

  g_return_if_fail (RAAD_IS_PHOTO_CACHE (self));
  g_return_if_fail (RAAD_IS_RECORD (record));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, raad_photo_cache_load_async);

  digest = raad_record_get_attachment_digest (record, name);
  if (digest == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No photo");
      return;
    }
  key = make_key (digest, size);
  if ((texture = g_hash_table_lookup (self->textures, key)) != NULL)
    {
      g_task_return_pointer (task, g_object_ref (texture), g_object_unref);
      return;
    }
  if ((tasks = g_hash_table_lookup (self->waiting, key)) != NULL)
    {
      g_ptr_array_add (tasks, g_steal_pointer (&task));
      return;
    }

  tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (tasks, g_steal_pointer (&task));
  g_hash_table_insert (self->waiting, g_strdup (key), tasks);
  self->n_pending++;

  read = g_new0 (PhotoRead, 1);
  read->record = g_object_ref (record);
  read->name = g_strdup (name);
  read->key = g_steal_pointer (&key);
  read->size = size;
  g_queue_push_tail (self->reads, read);
  queue_reads (self);
}

GdkTexture *
raad_photo_cache_load_finish (RaadPhotoCache  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
raad_photo_cache_decode_async (GBytes              *data,
                               int                  size,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DecodeData *decode;

  g_return_if_fail (data != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, raad_photo_cache_decode_async);
  decode = g_new0 (DecodeData, 1);
  decode->data = g_bytes_ref (data);
  decode->size = size;
  g_task_set_task_data (task, decode, decode_data_free);
  decode_later (task);
}

GdkTexture *
raad_photo_cache_decode_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
raad_photo_cache_get_n_pending (RaadPhotoCache *self)
{
  g_return_val_if_fail (RAAD_IS_PHOTO_CACHE (self), 0);

  return self->n_pending;
}
