/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-sync-banner.h: under the header: sync progress, a stopped sync, conflicts to review */
#pragma once

#include <adwaita.h>

#include "raad-sync.h"

G_BEGIN_DECLS

#define RAAD_TYPE_SYNC_BANNER (raad_sync_banner_get_type ())
G_DECLARE_FINAL_TYPE (RaadSyncBanner, raad_sync_banner, RAAD, SYNC_BANNER, GtkWidget)

RaadSync *raad_sync_banner_get_sync (RaadSyncBanner *self);
void      raad_sync_banner_set_sync (RaadSyncBanner *self,
                                     RaadSync       *sync);
/* At start-up: takes the account's password from the keyring and turns automatic sync on.
 * Without the password (none kept, or no keyring) the banner says that sync is paused and
 * why, and offers the sync settings. */
void      raad_sync_banner_resume   (RaadSyncBanner *self);
/* TRUE while the keyring is asked. */
gboolean  raad_sync_banner_get_busy (RaadSyncBanner *self);

G_END_DECLS
