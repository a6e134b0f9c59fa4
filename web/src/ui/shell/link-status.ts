'use client';
import { createContext } from 'react';
import type { LinkStatus } from '../../lib/urql';

/** The live link's state, for the header's indicator. */
export const LinkStatusContext = createContext<LinkStatus>('connecting');
