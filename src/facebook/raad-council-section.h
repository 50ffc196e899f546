/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-council-section.h: one council on the face-book: its title and its member cards */
#pragma once

#include <gtk/gtk.h>

#include "raad-council.h"
#include "raad-facebook-state.h"
#include "raad-section-list.h"

G_BEGIN_DECLS

#define RAAD_TYPE_COUNCIL_SECTION (raad_council_section_get_type ())
G_DECLARE_FINAL_TYPE (RaadCouncilSection, raad_council_section, RAAD, COUNCIL_SECTION, GtkWidget)

/* The section of the page's RaadSectionList: a council and its members. */
RaadSection       *raad_council_section_get_section (RaadCouncilSection *self);
void               raad_council_section_set_section (RaadCouncilSection *self,
                                                     RaadSection        *section);
RaadCouncil       *raad_council_section_get_council (RaadCouncilSection *self);
/* The page's state; when unset, the section takes it from the RaadFacebookPage it is in. */
RaadFacebookState *raad_council_section_get_state   (RaadCouncilSection *self);
void               raad_council_section_set_state   (RaadCouncilSection *self,
                                                     RaadFacebookState  *state);
/* The members shown, as a GListModel of RaadMember. */
GListModel        *raad_council_section_get_members (RaadCouncilSection *self);
guint              raad_council_section_get_n_members (RaadCouncilSection *self);
/* Whether the section builds all its cards (the page wants those near the visible part),
 * and how many of the first cards must show their members at once (those in view). */
gboolean           raad_council_section_get_wanted  (RaadCouncilSection *self);
guint              raad_council_section_get_n_needed (RaadCouncilSection *self);
void               raad_council_section_set_wanted  (RaadCouncilSection *self,
                                                     gboolean            wanted,
                                                     guint               n_needed);
/* How many cards fill @height pixels from the top of the section at @width, at least (it
 * builds the first card, if need be, to know how high a line is). */
guint              raad_council_section_get_cards_in (RaadCouncilSection *self,
                                                      int                 width,
                                                      int                 height);
/* TRUE when everything above @y (in the section) is built and shows the right members. */
gboolean           raad_council_section_get_complete_above (RaadCouncilSection *self,
                                                            int                 y);
/* Cards out of view wait for the frame after the next one: the next frame shows what the
 * user just asked for (a keystroke's result) and gets all the time. */
void               raad_council_section_hold_background (GtkWidget *widget);
/* TRUE while the query waits or wanted cards are still being built. */
gboolean           raad_council_section_get_loading (RaadCouncilSection *self);
/* TRUE once the members are counted for the current filters. */
gboolean           raad_council_section_get_counted (RaadCouncilSection *self);

G_END_DECLS
