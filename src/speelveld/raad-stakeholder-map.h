/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-stakeholder-map.h: the council in the middle, its parties around it as focusable tiles */
#pragma once

#include <gtk/gtk.h>

#include "raad-speelveld.h"

G_BEGIN_DECLS

#define RAAD_TYPE_STAKEHOLDER_MAP (raad_stakeholder_map_get_type ())
G_DECLARE_FINAL_TYPE (RaadStakeholderMap, raad_stakeholder_map, RAAD, STAKEHOLDER_MAP, GtkWidget)

GtkWidget       *raad_stakeholder_map_new            (void);

/* Shows @dues (RaadContactDue, one per party, in list order: category and name) around the
 * council called @council_name. Tiles of parties already shown are kept (and their focus). */
void             raad_stakeholder_map_set_parties    (RaadStakeholderMap *self,
                                                      const char         *council_name,
                                                      GPtrArray          *dues);

/* Measures the tiles (styles, text layout) ahead of showing them, e.g. in an idle while the
 * map is hidden, so that its first frame only places and paints them. */
void             raad_stakeholder_map_prepare        (RaadStakeholderMap *self);

/* The power/interest grid instead of the map: parties by influence and interest, in quadrants;
 * no dragging there. */
void             raad_stakeholder_map_set_grid       (RaadStakeholderMap *self,
                                                      gboolean            grid);
gboolean         raad_stakeholder_map_get_grid       (RaadStakeholderMap *self);

/* 1.0 fits the field to the window; larger zooms in (the field scrolls). */
void             raad_stakeholder_map_set_zoom       (RaadStakeholderMap *self,
                                                      double              zoom);
double           raad_stakeholder_map_get_zoom       (RaadStakeholderMap *self);

/* Moves the party by @dx, @dy (fractions of the field) and stores its new place. */
gboolean         raad_stakeholder_map_move_party     (RaadStakeholderMap *self,
                                                      const char         *party_id,
                                                      double              dx,
                                                      double              dy,
                                                      GError            **error);

/* The tile of a party (a focusable button) and what it shows. */
GtkWidget       *raad_stakeholder_map_get_tile       (RaadStakeholderMap *self,
                                                      const char         *party_id);
RaadStakeholder *raad_stakeholder_map_tile_get_party (GtkWidget          *tile);
RaadContactState raad_stakeholder_map_tile_get_state (GtkWidget          *tile);
/* The text a screen reader hears as the tile's description (also its tooltip). */
const char      *raad_stakeholder_map_tile_get_description (GtkWidget    *tile);

/* For the benchmark and tests: a drag of the tile of @party_id to field point (@x, @y) as the
 * pointer gesture does it (allocation only), and its end (stores the place). */
void             raad_stakeholder_map_drag_to        (RaadStakeholderMap *self,
                                                      const char         *party_id,
                                                      double              x,
                                                      double              y);
gboolean         raad_stakeholder_map_drag_end       (RaadStakeholderMap *self,
                                                      GError            **error);

G_END_DECLS
