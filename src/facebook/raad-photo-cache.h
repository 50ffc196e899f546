/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-photo-cache.h: member photos decoded at card size in a thread, cached by digest */
#pragma once

#include <gtk/gtk.h>

#include "raad-record.h"

G_BEGIN_DECLS

#define RAAD_TYPE_PHOTO_CACHE (raad_photo_cache_get_type ())
G_DECLARE_FINAL_TYPE (RaadPhotoCache, raad_photo_cache, RAAD, PHOTO_CACHE, GObject)

RaadPhotoCache *raad_photo_cache_get_default   (void);
/* The texture of @digest at @size pixels when it was decoded before, else NULL. */
GdkTexture     *raad_photo_cache_lookup        (RaadPhotoCache      *self,
                                                const char          *digest,
                                                int                  size);
/* Reads the attachment @name of @record and decodes it at @size × @size off the main thread. */
void            raad_photo_cache_load_async    (RaadPhotoCache      *self,
                                                RaadRecord          *record,
                                                const char          *name,
                                                int                  size,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GdkTexture     *raad_photo_cache_load_finish   (RaadPhotoCache      *self,
                                                GAsyncResult        *result,
                                                GError             **error);
/* Decodes prepared photo bytes off the main thread (the editor's preview); not cached. */
void            raad_photo_cache_decode_async  (GBytes              *data,
                                                int                  size,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GdkTexture     *raad_photo_cache_decode_finish (GAsyncResult        *result,
                                                GError             **error);
/* Loads still running: screenshots and tests wait until this is 0. */
guint           raad_photo_cache_get_n_pending (RaadPhotoCache      *self);

G_END_DECLS
