/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-photo.h: member photos: checked, cropped square and scaled down before storing */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* Largest file accepted, and the stored size in pixels. */
#define RAAD_PHOTO_MAX_FILE_SIZE (40 * 1024 * 1024)
#define RAAD_PHOTO_SIZE 320

/* Reads an image file or bytes, crops the centre square and scales it to RAAD_PHOTO_SIZE;
 * returns JPEG bytes. A file that is not an image, too large or broken gives a
 * RAAD_STORE_ERROR_INVALID with a message a user can act on. */
GBytes    *raad_photo_prepare_file   (GFile        *file,
                                      GError      **error);
GBytes    *raad_photo_prepare_bytes  (GBytes       *data,
                                      GError      **error);
/* Decodes stored photo bytes at @size × @size (for cards and exports). */
GdkPixbuf *raad_photo_load_thumbnail (GBytes       *data,
                                      int           size,
                                      GError      **error);

G_END_DECLS
