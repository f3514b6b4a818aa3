#!/usr/bin/env node
import { main } from '../dist/src/server/main.js'

main()
