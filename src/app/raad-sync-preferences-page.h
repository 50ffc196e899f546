/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-sync-preferences-page.h: the "Sync" page of the preferences: the server account */
#pragma once

#include <adwaita.h>

#include "raad-sync.h"

G_BEGIN_DECLS

#define RAAD_TYPE_SYNC_PREFERENCES_PAGE (raad_sync_preferences_page_get_type ())
G_DECLARE_FINAL_TYPE (RaadSyncPreferencesPage, raad_sync_preferences_page, RAAD,
                      SYNC_PREFERENCES_PAGE, AdwPreferencesPage)

RaadSyncPreferencesPage *raad_sync_preferences_page_new      (RaadSync                *sync);
/* TRUE while the connection is tested or the keyring asked. */
gboolean                 raad_sync_preferences_page_get_busy (RaadSyncPreferencesPage *self);

/* Adds the sync page to a preferences window. */
void raad_sync_preferences_page_add_to (AdwPreferencesWindow *window,
                                        RaadSync             *sync);
/* Opens the preferences at the sync page, for the window of @widget. */
void raad_sync_preferences_present     (GtkWidget            *widget,
                                        RaadSync             *sync);

G_END_DECLS
