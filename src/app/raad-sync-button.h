/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-sync-button.h: the header bar's sync button: shows the state, syncs on a click */
#pragma once

#include <adwaita.h>

#include "raad-sync.h"

G_BEGIN_DECLS

#define RAAD_TYPE_SYNC_BUTTON (raad_sync_button_get_type ())
G_DECLARE_FINAL_TYPE (RaadSyncButton, raad_sync_button, RAAD, SYNC_BUTTON, GtkWidget)

RaadSync   *raad_sync_button_get_sync   (RaadSyncButton *self);
void        raad_sync_button_set_sync   (RaadSyncButton *self,
                                         RaadSync       *sync);
/* What the button tells: "Synced at 14:05", "Offline: …" (also its tooltip and name). */
const char *raad_sync_button_get_status (RaadSyncButton *self);
/* The icon it shows, or NULL while the spinner turns. */
const char *raad_sync_button_get_icon_name (RaadSyncButton *self);

/* A sentence for the time of the last good sync: "Synced at 14:05", "Synced on 3 March at
 * 14:05", or "Not synced yet". */
char       *raad_sync_dup_last_sync_text (RaadSync      *sync);

G_END_DECLS
